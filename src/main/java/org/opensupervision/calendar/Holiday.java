package org.opensupervision.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A public holiday as announced by the State Council: the days off from {@code from} to {@code to}, both included.
 *
 * @param name        the official Chinese name, e.g. 春节
 * @param englishName the English name, e.g. Spring Festival
 * @param from        the first day off
 * @param to          the last day off, never before {@code from}
 */
public record Holiday(String name, String englishName, LocalDate from, LocalDate to) {

    public Holiday {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(englishName, "englishName");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException(
                    "holiday " + englishName + " ends (" + to + ") before it starts (" + from + ")");
        }
    }

    /**
     * Tells whether the given day is one of the days off of this holiday.
     *
     * @param day a calendar day
     * @return true if {@code from <= day <= to}
     */
    public boolean includes(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    /**
     * Lists the days off of this holiday in order.
     *
     * @return every day from {@code from} to {@code to}
     */
    public List<LocalDate> days() {
        return from.datesUntil(to.plusDays(1)).toList();
    }
}
