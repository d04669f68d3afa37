package org.opensupervision.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class CalendarFileParserTest {

    static final String VALID_2026 = """
            year: 2026
            source: "国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04)"
            holidays:
              - {name: 春节, en: Spring Festival, from: 2026-02-15, to: 2026-02-23}
              - {name: 元旦, en: "New Year's Day", from: 2026-01-01, to: 2026-01-03}
            workingWeekends: [2026-02-28, 2026-01-04, 2026-02-14]
            """;

    final CalendarFileParser parser = new CalendarFileParser();

    CalendarYear parse(String file, String yaml) {
        return parser.parse(file, new StringReader(yaml));
    }

    @Test
    void aValidFileIsReadWithItsEntriesInDateOrder() {
        CalendarYear year = parse("calendar/2026.yml", VALID_2026);

        assertThat(year.year()).isEqualTo(2026);
        assertThat(year.source()).isEqualTo("国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04)");
        assertThat(year.holidays()).containsExactly(
                new Holiday("元旦", "New Year's Day", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 3)),
                new Holiday("春节", "Spring Festival", LocalDate.of(2026, 2, 15), LocalDate.of(2026, 2, 23)));
        assertThat(year.workingWeekends()).containsExactly(LocalDate.of(2026, 1, 4), LocalDate.of(2026, 2, 14),
                LocalDate.of(2026, 2, 28));
        assertThat(year.file()).isEqualTo("calendar/2026.yml");
    }

    @Test
    void aFileWithoutWorkingWeekendsIsValid() {
        String yaml = VALID_2026.replace("workingWeekends: [2026-02-28, 2026-01-04, 2026-02-14]", "");

        CalendarYear year = parse("2026.yml", yaml);

        assertThat(year.workingWeekends()).isEmpty();
    }

    @Test
    void aNewYearHolidayMayStartInTheLastDaysOfThePreviousYear() {
        CalendarYear year = parse("2024.yml", """
                year: 2024
                source: "国务院办公厅关于2024年部分节假日安排的通知"
                holidays:
                  - {name: 元旦, en: "New Year's Day", from: 2023-12-30, to: 2024-01-01}
                """);

        assertThat(year.holidays().get(0).from()).isEqualTo(LocalDate.of(2023, 12, 30));
    }

    @Test
    void aHolidayThatEndsBeforeItStartsIsRejectedNamingTheFileAndTheHoliday() {
        String yaml = VALID_2026.replace("from: 2026-02-15, to: 2026-02-23", "from: 2026-02-23, to: 2026-02-13");

        assertThatThrownBy(() -> parse("calendar/2026.yml", yaml))
                .isInstanceOf(InvalidCalendarDataException.class)
                .hasMessage("Calendar file calendar/2026.yml: holiday #1 (春节 / Spring Festival): "
                        + "'to' 2026-02-13 is before 'from' 2026-02-23");
    }

    @Test
    void aWorkingWeekendThatIsNotAWeekendIsRejected() {
        String yaml = VALID_2026.replace("2026-01-04,", "2026-01-05,");

        assertThatThrownBy(() -> parse("2026.yml", yaml))
                .isInstanceOf(InvalidCalendarDataException.class)
                .hasMessageStartingWith("Calendar file 2026.yml: working weekend #2 2026-01-05 is a MONDAY, "
                        + "not a Saturday or Sunday");
    }

    @Test
    void aWorkingWeekendInsideAHolidayIsRejected() {
        String yaml = VALID_2026.replace("2026-02-28,", "2026-02-21,");

        assertThatThrownBy(() -> parse("2026.yml", yaml))
                .hasMessageContaining("working weekend #1 2026-02-21 falls inside holiday 春节 / Spring Festival");
    }

    @Test
    void aYearThatDisagreesWithTheFileNameIsRejected() {
        assertThatThrownBy(() -> parse("calendar/2026.yml", VALID_2026.replace("year: 2026", "year: 2025")))
                .hasMessage("Calendar file calendar/2026.yml: 'year' is 2025 but the file is named for 2026");
    }

    @Test
    void aDateCopiedFromAnotherYearIsRejected() {
        String yaml = VALID_2026.replace("to: 2026-02-23", "to: 2025-02-23");

        assertThatThrownBy(() -> parse("2026.yml", yaml))
                .hasMessage("Calendar file 2026.yml: holiday #1 (春节 / Spring Festival): "
                        + "'to' 2025-02-23 is not in 2026");
    }

    @Test
    void aWorkingWeekendOfAnotherYearIsRejected() {
        String yaml = VALID_2026.replace("2026-02-28,", "2025-02-08,");

        assertThatThrownBy(() -> parse("2026.yml", yaml))
                .hasMessageContaining("working weekend #1 2025-02-08 is not in 2026");
    }

    @Test
    void overlappingHolidaysAreRejected() {
        String yaml = VALID_2026.replace("from: 2026-01-01, to: 2026-01-03", "from: 2026-01-01, to: 2026-02-15");

        assertThatThrownBy(() -> parse("2026.yml", yaml))
                .hasMessageContaining("holidays 元旦 / New Year's Day (2026-01-01 to 2026-02-15) and "
                        + "春节 / Spring Festival (2026-02-15 to 2026-02-23) overlap");
    }

    @Test
    void aDateThatDoesNotExistIsRejected() {
        String yaml = VALID_2026.replace("2026-02-28,", "2026-02-30,");

        assertThatThrownBy(() -> parse("2026.yml", yaml))
                .hasMessageContaining("working weekend #1 '2026-02-30' is not a valid date");
    }

    @Test
    void aMisspelledKeyIsRejectedRatherThanIgnored() {
        String yaml = VALID_2026.replace("workingWeekends:", "workingWeekend:");

        assertThatThrownBy(() -> parse("2026.yml", yaml))
                .hasMessageContaining("the file has the unknown key 'workingWeekend'");
    }

    @Test
    void aHolidayWithoutItsEnglishNameIsRejected() {
        String yaml = VALID_2026.replace("en: Spring Festival, ", "");

        assertThatThrownBy(() -> parse("2026.yml", yaml))
                .hasMessageContaining("holiday #1 (春节) 'en' must be a non-empty text, was missing");
    }

    @Test
    void aFileWithoutItsSourceIsRejected() {
        String yaml = VALID_2026.replace("source: \"国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04)\"", "");

        assertThatThrownBy(() -> parse("2026.yml", yaml)).hasMessageContaining("'source' must be a non-empty text");
    }

    @Test
    void aKeyGivenTwiceIsRejected() {
        assertThatThrownBy(() -> parse("2026.yml", VALID_2026 + "year: 2027\n"))
                .isInstanceOf(InvalidCalendarDataException.class)
                .hasMessageStartingWith("Calendar file 2026.yml is not valid YAML")
                .hasMessageContaining("Duplicate field 'year'");
    }

    @Test
    void textThatIsNotYamlIsRejected() {
        assertThatThrownBy(() -> parse("2026.yml", "year: [2026"))
                .hasMessageStartingWith("Calendar file 2026.yml is not valid YAML");
    }

    @Test
    void aFileWithoutHolidaysIsRejected() {
        assertThatThrownBy(() -> parse("2026.yml", "year: 2026\nsource: notice\nholidays: []\n"))
                .hasMessage("Calendar file 2026.yml: 'holidays' is empty; every official notice announces holidays");
    }

    @Test
    void everyMalformedFieldIsNamedAtOnce() {
        String yaml = VALID_2026.replace("en: Spring Festival, from: 2026-02-15, ", "")
                .replace("source: \"国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04)\"", "source: \" \"");

        assertThatThrownBy(() -> parse("2026.yml", yaml))
                .hasMessage("Calendar file 2026.yml: 'source' must be a non-empty text, was ' '; "
                        + "holiday #1 (春节) 'en' must be a non-empty text, was missing; "
                        + "holiday #1 (春节) 'from' must be a date such as 2026-01-01, was missing");
    }

    @Test
    void aYearWrittenAsTextIsRejected() {
        assertThatThrownBy(() -> parse("2026.yml", VALID_2026.replace("year: 2026", "year: \"2026\"")))
                .hasMessage("Calendar file 2026.yml: 'year' must be a whole number such as 2026, was '2026'");
        assertThatThrownBy(() -> parse("2026.yml", VALID_2026.replace("year: 2026", "year: [2026]")))
                .hasMessage("Calendar file 2026.yml: 'year' must be a whole number such as 2026, was a list");
    }

    @Test
    void aHolidayDateThatDoesNotExistIsRejectedNamingTheHoliday() {
        String yaml = VALID_2026.replace("from: 2026-02-15", "from: 2026-02-30");

        assertThatThrownBy(() -> parse("2026.yml", yaml))
                .hasMessage("Calendar file 2026.yml: holiday #1 'from' '2026-02-30' is not a valid date "
                        + "(expected yyyy-MM-dd)");
    }
}
