package org.opensupervision.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * The official arrangement of one year, as read from one calendar file.
 *
 * @param year            the year the notice is about
 * @param source          the notice the data is copied from
 * @param holidays        the holidays in date order
 * @param workingWeekends the Saturdays and Sundays that are working days, in date order
 * @param file            where the data was read from, for messages
 */
record CalendarYear(int year, String source, List<Holiday> holidays, List<LocalDate> workingWeekends, String file) {

    CalendarYear {
        holidays = List.copyOf(holidays);
        workingWeekends = List.copyOf(workingWeekends);
    }
}
