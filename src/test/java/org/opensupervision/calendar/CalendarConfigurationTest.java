package org.opensupervision.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The calendar as Spring builds it, without the rest of the application. */
class CalendarConfigurationTest {

    final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(CalendarConfiguration.class, WorkingDayCalendar.class);

    @Test
    void byDefaultDaysAreReckonedInShanghaiWithTheBundledFiles() {
        context.run(started -> {
            WorkingDayCalendar calendar = started.getBean(WorkingDayCalendar.class);

            assertThat(calendar.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
            assertThat(calendar.yearsWithData()).contains(2026);
        });
    }

    @Test
    void theZoneAndTheLocationAreConfigurable() {
        context.withPropertyValues("supervision.calendar.zone=Asia/Hong_Kong",
                        "supervision.calendar.location=classpath*:calendar/2026.yml")
                .run(started -> {
                    WorkingDayCalendar calendar = started.getBean(WorkingDayCalendar.class);

                    assertThat(calendar.zone()).isEqualTo(ZoneId.of("Asia/Hong_Kong"));
                    assertThat(calendar.yearsWithData()).containsExactly(2026);
                });
    }

    @Test
    void aMalformedCalendarPreventsTheStart() {
        context.withPropertyValues("supervision.calendar.location=classpath*:calendar/missing-*.yml")
                .run(started -> assertThat(started).hasFailed()
                        .getFailure().rootCause().isInstanceOf(InvalidCalendarDataException.class));
    }
}
