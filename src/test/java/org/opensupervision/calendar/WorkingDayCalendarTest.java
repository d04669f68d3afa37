package org.opensupervision.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.DefaultResourceLoader;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * The calendar built from the files shipped in {@code src/main/resources/calendar}. The expected dates are copied
 * from the State Council notices, not from the files, so a typo in a file fails here.
 */
class WorkingDayCalendarTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    final WorkingDayCalendar calendar = officialCalendar(SHANGHAI);

    static WorkingDayCalendar officialCalendar(ZoneId zone) {
        return new WorkingDayCalendar(new CalendarProperties(zone, "classpath*:calendar/*.yml"),
                new DefaultResourceLoader());
    }

    @Nested
    class TheOfficialCalendarOf2026 {

        @ParameterizedTest
        @ValueSource(strings = {
                "2026-01-01", "2026-01-02", "2026-01-03",
                "2026-02-15", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", "2026-02-21",
                "2026-02-22", "2026-02-23",
                "2026-04-04", "2026-04-05", "2026-04-06",
                "2026-05-01", "2026-05-02", "2026-05-03", "2026-05-04", "2026-05-05",
                "2026-06-19", "2026-06-20", "2026-06-21",
                "2026-09-25", "2026-09-26", "2026-09-27",
                "2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06", "2026-10-07"})
        void everyHolidayOfTheNoticeIsADayOff(LocalDate day) {
            assertThat(calendar.isWorkingDay(day)).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {"2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"})
        void everyAnnouncedWeekendMakeUpDayIsAWorkingDay(LocalDate day) {
            assertThat(calendar.isWorkingDay(day)).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"2025-12-31", "2026-01-05", "2026-02-13", "2026-02-24", "2026-04-03", "2026-04-07",
                "2026-05-06", "2026-06-18", "2026-06-22", "2026-09-24", "2026-09-28", "2026-10-08", "2026-12-31"})
        void theWeekdaysAroundEachHolidayAreWorkingDays(LocalDate day) {
            assertThat(calendar.isWorkingDay(day)).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"2026-01-10", "2026-01-11", "2026-03-01", "2026-05-10", "2026-10-11", "2026-12-27"})
        void otherWeekendsAreDaysOff(LocalDate day) {
            assertThat(calendar.isWorkingDay(day)).isFalse();
        }

        @Test
        void hasTwoHundredFortyEightWorkingDays() {
            assertThat(calendar.workingDaysBetween(LocalDate.of(2025, 12, 31), LocalDate.of(2026, 12, 31)))
                    .isEqualTo(248);
        }

        @Test
        void isShownToAdministratorsHolidayByHoliday() {
            assertThat(calendar.yearsWithData()).containsExactly(2025, 2026);
            assertThat(calendar.holidays(2026)).extracting(Holiday::englishName, Holiday::from, Holiday::to)
                    .containsExactly(
                            tuple("New Year's Day", "2026-01-01", "2026-01-03"),
                            tuple("Spring Festival", "2026-02-15", "2026-02-23"),
                            tuple("Qingming Festival", "2026-04-04", "2026-04-06"),
                            tuple("Labour Day", "2026-05-01", "2026-05-05"),
                            tuple("Dragon Boat Festival", "2026-06-19", "2026-06-21"),
                            tuple("Mid-Autumn Festival", "2026-09-25", "2026-09-27"),
                            tuple("National Day", "2026-10-01", "2026-10-07"));
            assertThat(calendar.holidays(2026)).extracting(Holiday::name)
                    .containsExactly("元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节");
            assertThat(calendar.workingWeekends(2026)).containsExactly(LocalDate.of(2026, 1, 4),
                    LocalDate.of(2026, 2, 14), LocalDate.of(2026, 2, 28), LocalDate.of(2026, 5, 9),
                    LocalDate.of(2026, 9, 20), LocalDate.of(2026, 10, 10));
        }

        private static Tuple tuple(String englishName, String from, String to) {
            return Tuple.tuple(englishName, LocalDate.parse(from), LocalDate.parse(to));
        }
    }

    @Nested
    class TheOfficialCalendarOf2025 {

        @ParameterizedTest
        @ValueSource(strings = {"2025-01-01", "2025-01-28", "2025-02-04", "2025-04-04", "2025-05-02", "2025-05-05",
                "2025-06-02", "2025-10-06", "2025-10-08"})
        void holidaysAreDaysOff(LocalDate day) {
            assertThat(calendar.isWorkingDay(day)).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {"2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"})
        void announcedWeekendMakeUpDaysAreWorkingDays(LocalDate day) {
            assertThat(calendar.isWorkingDay(day)).isTrue();
        }
    }

    @Nested
    class DeadlinesInWorkingDays {

        @Test
        void fifteenWorkingDaysFromTheTenthOfFebruarySkipTheSpringFestivalAndCountTheMakeUpSaturdays() {
            assertThat(calendar.addWorkingDays(LocalDate.of(2026, 2, 10), 15)).isEqualTo(LocalDate.of(2026, 3, 9));
        }

        @Test
        void fifteenWorkingDaysFromTheTwentyEighthOfSeptemberSkipNationalDay() {
            assertThat(calendar.addWorkingDays(LocalDate.of(2026, 9, 28), 15)).isEqualTo(LocalDate.of(2026, 10, 23));
        }

        @Test
        void theFirstWorkingDayAfterTheLastDayBeforeTheSpringFestivalIsTheDayAfterIt() {
            assertThat(calendar.addWorkingDays(LocalDate.of(2026, 2, 14), 1)).isEqualTo(LocalDate.of(2026, 2, 24));
        }

        @Test
        void zeroWorkingDaysLeaveTheStartDayAsItIs() {
            assertThat(calendar.addWorkingDays(LocalDate.of(2026, 2, 15), 0)).isEqualTo(LocalDate.of(2026, 2, 15));
        }

        @Test
        void aNegativeNumberOfWorkingDaysIsRejected() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> calendar.addWorkingDays(LocalDate.of(2026, 1, 5), -1));
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> calendar.subtractWorkingDays(Instant.parse("2026-01-05T00:00:00Z"), -1));
        }

        @Test
        void aDeadlineIsMidnightInShanghaiAtTheEndOfTheLastWorkingDay() {
            Instant routedAt = Instant.parse("2026-02-10T02:00:00Z"); // 10:00 in Shanghai

            assertThat(calendar.addWorkingDays(routedAt, 15)).isEqualTo(Instant.parse("2026-03-09T16:00:00Z"));
        }

        @Test
        void aDeadlineAcrossNationalDayEndsOnTheTwentyThirdOfOctober() {
            Instant routedAt = Instant.parse("2026-09-28T08:30:00Z");

            assertThat(calendar.addWorkingDays(routedAt, 15)).isEqualTo(Instant.parse("2026-10-23T16:00:00Z"));
        }

        @Test
        void theStartDayIsTakenInShanghaiTimeNotInTheServersZone() {
            // Saturday 14 February, 01:00 in Shanghai: a make-up working day, followed by the Spring Festival
            Instant fridayEveningInUtc = Instant.parse("2026-02-13T17:00:00Z");

            assertThat(calendar.addWorkingDays(fridayEveningInUtc, 1))
                    .as("the day after working Saturday the 14th is the 24th, after the Spring Festival")
                    .isEqualTo(Instant.parse("2026-02-24T16:00:00Z"));
            assertThat(calendar.addWorkingDays(fridayEveningInUtc, 15))
                    .isEqualTo(Instant.parse("2026-03-13T16:00:00Z"));
        }

        @Test
        void anExtensionCountsFromTheEndOfTheDeadlineDay() {
            Instant endOfMondayNinthOfMarch = Instant.parse("2026-03-09T16:00:00Z");

            assertThat(calendar.addWorkingDays(endOfMondayNinthOfMarch, 5))
                    .as("the end of Monday 16 March, five working days after the 9th")
                    .isEqualTo(Instant.parse("2026-03-16T16:00:00Z"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"2026-01-30T03:00:00Z", "2026-02-10T02:00:00Z", "2026-02-13T17:00:00Z",
                "2026-02-15T16:00:00Z", "2026-09-15T01:00:00Z", "2026-12-20T12:00:00Z"})
        void extendingADeadlineGivesTheDeadlineOfTheTotalNumberOfWorkingDays(Instant from) {
            for (int n = 0; n <= 20; n++) {
                for (int extension = 0; extension <= 10; extension++) {
                    assertThat(calendar.addWorkingDays(calendar.addWorkingDays(from, n), extension))
                            .as("n = %d, extension = %d", n, extension)
                            .isEqualTo(calendar.addWorkingDays(from, n + extension));
                }
            }
        }

        @Test
        void theZoneIsConfigurable() {
            WorkingDayCalendar inUtc = officialCalendar(ZoneId.of("UTC"));

            assertThat(inUtc.zone()).isEqualTo(ZoneId.of("UTC"));
            assertThat(inUtc.addWorkingDays(Instant.parse("2026-02-13T17:00:00Z"), 1))
                    .isEqualTo(Instant.parse("2026-02-15T00:00:00Z"));
        }

        @Test
        void workingDaysBetweenTwoDaysCountAsAddWorkingDaysCounts() {
            LocalDate start = LocalDate.of(2026, 2, 10);

            assertThat(calendar.workingDaysBetween(start, LocalDate.of(2026, 3, 9))).isEqualTo(15);
            assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 3, 9), start)).isEqualTo(-15);
            assertThat(calendar.workingDaysBetween(start, start)).isZero();
            assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 2, 14), LocalDate.of(2026, 2, 23))).isZero();
        }
    }

    @Nested
    class RemindersBeforeADeadline {

        @Test
        void theReminderOneWorkingDayBeforeADeadlineRightAfterTheSpringFestivalComesBeforeTheHoliday() {
            Instant endOfTwentyFourthOfFebruary = Instant.parse("2026-02-24T16:00:00Z");

            assertThat(calendar.subtractWorkingDays(endOfTwentyFourthOfFebruary, 1))
                    .as("the end of Saturday 14 February, the last working day before the holiday")
                    .isEqualTo(Instant.parse("2026-02-14T16:00:00Z"));
        }

        @Test
        void theReminderBeforeAMondayDeadlineIsAtTheEndOfFriday() {
            assertThat(calendar.subtractWorkingDays(Instant.parse("2026-03-09T16:00:00Z"), 1))
                    .isEqualTo(Instant.parse("2026-03-06T16:00:00Z"));
        }

        @Test
        void theReminderKeepsTheClockTimeOfTheDeadline() {
            Instant thursdayAfterNationalDayAt15 = Instant.parse("2026-10-08T07:00:00Z");

            assertThat(calendar.subtractWorkingDays(thursdayAfterNationalDayAt15, 1))
                    .isEqualTo(Instant.parse("2026-09-30T07:00:00Z"));
        }

        @Test
        void aDeadlineDuringAHolidayCountsFromTheEndOfTheLastWorkingDayBeforeIt() {
            Instant nationalDayMorning = Instant.parse("2026-10-03T02:00:00Z");

            assertThat(calendar.subtractWorkingDays(nationalDayMorning, 1))
                    .as("the end of 29 September, one working day before the end of 30 September")
                    .isEqualTo(Instant.parse("2026-09-29T16:00:00Z"));
        }

        @Test
        void zeroWorkingDaysBeforeADeadlineIsTheDeadline() {
            Instant deadline = Instant.parse("2026-10-03T02:00:00Z");

            assertThat(calendar.subtractWorkingDays(deadline, 0)).isEqualTo(deadline);
        }

        @ParameterizedTest
        @ValueSource(strings = {"2026-01-30T03:00:00Z", "2026-02-10T02:00:00Z", "2026-02-13T17:00:00Z",
                "2026-04-02T09:00:00Z", "2026-09-15T01:00:00Z", "2026-12-20T12:00:00Z"})
        void aReminderOneWorkingDayBeforeADeadlineIsTheDeadlineOfOneWorkingDayLess(Instant from) {
            for (int n = 1; n <= 20; n++) {
                assertThat(calendar.subtractWorkingDays(calendar.addWorkingDays(from, n + 1), 1))
                        .as("n = %d", n)
                        .isEqualTo(calendar.addWorkingDays(from, n));
            }
        }
    }

    @Nested
    class AYearWithoutData {

        final Logger calendarLog = (Logger) LoggerFactory.getLogger(WorkingDayCalendar.class);
        final ListAppender<ILoggingEvent> logged = new ListAppender<>();

        @BeforeEach
        void captureTheLog() {
            logged.start();
            calendarLog.addAppender(logged);
        }

        @AfterEach
        void releaseTheLog() {
            calendarLog.detachAppender(logged);
        }

        @Test
        void fallsBackToMondayToFriday() {
            assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 1))).as("Friday").isTrue();
            assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 2))).as("Saturday").isFalse();
            assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 3))).as("Sunday").isFalse();
            assertThat(calendar.addWorkingDays(LocalDate.of(2026, 12, 30), 3)).isEqualTo(LocalDate.of(2027, 1, 4));
            assertThat(calendar.holidays(2027)).isEmpty();
            assertThat(calendar.yearsWithData()).doesNotContain(2027);
        }

        @Test
        void isWarnedAboutOnceInTheLog() {
            calendar.addWorkingDays(LocalDate.of(2027, 3, 1), 30);
            calendar.isWorkingDay(LocalDate.of(2027, 6, 1));

            assertThat(logged.list)
                    .filteredOn(event -> event.getLevel() == Level.WARN)
                    .extracting(ILoggingEvent::getFormattedMessage)
                    .singleElement().asString()
                    .startsWith("No holiday data for 2027, using Monday–Friday");
        }

        @Test
        void isNotWarnedAboutWhileOnlyYearsWithDataAreUsed() {
            calendar.addWorkingDays(LocalDate.of(2026, 2, 10), 15);

            assertThat(logged.list).filteredOn(event -> event.getLevel() == Level.WARN).isEmpty();
        }
    }

    @Test
    void holidayDaysAreListedInOrder() {
        Holiday qingming = calendar.holidays(2026).get(2);

        assertThat(qingming.days()).isEqualTo(List.of(LocalDate.of(2026, 4, 4), LocalDate.of(2026, 4, 5),
                LocalDate.of(2026, 4, 6)));
        assertThat(qingming.includes(LocalDate.of(2026, 4, 7))).isFalse();
    }
}
