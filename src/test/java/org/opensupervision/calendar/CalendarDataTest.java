package org.opensupervision.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;

/** Loading the calendar files from a folder, as administrators maintain them outside the application. */
class CalendarDataTest {

    @TempDir
    Path folder;

    WorkingDayCalendar calendarFrom(Path folder) {
        return new WorkingDayCalendar(new CalendarProperties(ZoneId.of("Asia/Shanghai"), folder.toUri() + "*.yml"),
                new DefaultResourceLoader());
    }

    void write(String name, String yaml) throws IOException {
        Files.writeString(folder.resolve(name), yaml);
    }

    @Test
    void filesInAFolderAreUsedInsteadOfTheBundledOnes() throws IOException {
        write("2027.yml", """
                year: 2027
                source: test notice
                holidays:
                  - {name: 元旦, en: "New Year's Day", from: 2027-01-01, to: 2027-01-03}
                """);

        WorkingDayCalendar calendar = calendarFrom(folder);

        assertThat(calendar.yearsWithData()).containsExactly(2027);
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 1))).isFalse();
    }

    @Test
    void aMalformedFileStopsTheStartNamingItsPath() throws IOException {
        write("2026.yml", """
                year: 2026
                source: test notice
                holidays:
                  - {name: 清明节, en: Qingming Festival, from: 2026-04-06, to: 2026-04-04}
                """);

        assertThatThrownBy(() -> calendarFrom(folder))
                .isInstanceOf(InvalidCalendarDataException.class)
                .hasMessageContaining(folder.resolve("2026.yml").toString())
                .hasMessageContaining("'to' 2026-04-04 is before 'from' 2026-04-06");
    }

    @Test
    void twoFilesForTheSameYearAreRejected() throws IOException {
        String yaml = """
                year: 2026
                source: test notice
                holidays:
                  - {name: 元旦, en: "New Year's Day", from: 2026-01-01, to: 2026-01-03}
                """;
        write("2026.yml", yaml);
        write("2026-copy.yml", yaml);

        assertThatThrownBy(() -> calendarFrom(folder)).hasMessageContaining("both describe 2026");
    }

    @Test
    void filesThatDisagreeAboutADayAreRejected() throws IOException {
        write("2011.yml", """
                year: 2011
                source: test notice
                holidays:
                  - {name: 元旦, en: "New Year's Day", from: 2011-12-31, to: 2011-12-31}
                """);
        write("2012.yml", """
                year: 2012
                source: test notice
                holidays:
                  - {name: 元旦, en: "New Year's Day", from: 2012-01-01, to: 2012-01-03}
                workingWeekends: [2011-12-31]
                """);

        assertThatThrownBy(() -> calendarFrom(folder))
                .hasMessageContaining("disagree on 2011-12-31: one calls it a holiday, the other a working day");
    }

    @Test
    void aLocationWithoutFilesStopsTheStart() {
        assertThatThrownBy(() -> calendarFrom(folder))
                .isInstanceOf(InvalidCalendarDataException.class)
                .hasMessageStartingWith("No calendar file found at " + folder.toUri() + "*.yml");
    }
}
