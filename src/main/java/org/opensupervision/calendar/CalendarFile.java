package org.opensupervision.calendar;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * One calendar file as written ({@code calendar/<year>.yml}), bound by Jackson and checked field by field with Bean
 * Validation; {@link CalendarFileParser} then checks the rules between entries and makes a {@link CalendarYear}.
 *
 * @param year            the year of the notice
 * @param source          the notice the data is copied from
 * @param holidays        the holidays in the order of the file
 * @param workingWeekends the Saturdays and Sundays that are working days (调休上班); may be left out
 */
record CalendarFile(
        @NotNull(message = "must be a whole number such as 2026") Integer year,
        @NotBlank(message = "must be a non-empty text") String source,
        @NotNull(message = "must be a list")
        @Size(min = 1, message = "is empty; every official notice announces holidays")
        List<@NotNull(message = "must be a mapping with the keys [name, en, from, to]") @Valid HolidayEntry> holidays,
        List<@NotNull(message = "must be a date such as 2026-01-01") LocalDate> workingWeekends) {

    /**
     * One holiday: the days off from {@code from} to {@code to}, both included.
     *
     * @param name the official Chinese name, e.g. 春节
     * @param en   the English name, e.g. Spring Festival
     * @param from the first day off
     * @param to   the last day off
     */
    record HolidayEntry(
            @NotBlank(message = "must be a non-empty text") String name,
            @NotBlank(message = "must be a non-empty text") String en,
            @NotNull(message = "must be a date such as 2026-01-01") LocalDate from,
            @NotNull(message = "must be a date such as 2026-01-01") LocalDate to) {
    }
}
