package org.opensupervision.calendar;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/**
 * Instants as people in the offices read them: in the calendar's zone, and a deadline at midnight as "24:00" of
 * its last day ("the 23rd, 24:00", not "the 24th, 00:00").
 */
@Component
public class DeadlineDisplay {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final WorkingDayCalendar calendar;

    DeadlineDisplay(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    /** For example {@code 2026-03-23 24:00 (Asia/Shanghai)}; empty for null. */
    public String format(Instant instant) {
        return instant == null ? "" : local(instant) + " (" + calendar.zone().getId() + ")";
    }

    /** For example {@code 2026-03-23 24:00}, in the calendar's zone; empty for null. */
    public String local(Instant instant) {
        if (instant == null) {
            return "";
        }
        ZonedDateTime local = instant.atZone(calendar.zone());
        return local.toLocalTime().equals(LocalTime.MIDNIGHT)
                ? local.toLocalDate().minusDays(1) + " 24:00" : TIME.format(local);
    }
}
