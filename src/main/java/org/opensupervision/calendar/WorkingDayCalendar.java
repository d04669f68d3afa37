package org.opensupervision.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The official working-day calendar: which days are working days, and deadlines counted in working days.
 *
 * <p>A day is a working day when the State Council's notice for its year makes it one: holidays are days off, the
 * announced Saturdays and Sundays are working days, and every other Monday to Friday is a working day. The notices
 * are read at start-up from one file per year ({@code calendar/<year>.yml}). A year without a file falls back to
 * Monday to Friday, with a warning in the log the first time the year is used, so that a missing file is noticed
 * before its holidays are due.
 *
 * <p>Days are reckoned in the configured zone ({@code supervision.calendar.zone}, China Standard Time by default),
 * never in the server's zone: an instant late on Friday evening in UTC is already Saturday in Shanghai.
 */
@Component
public class WorkingDayCalendar {

    private static final Logger log = LoggerFactory.getLogger(WorkingDayCalendar.class);

    private final ZoneId zone;
    private final CalendarData data;
    private final Set<Integer> yearsWarnedAbout = ConcurrentHashMap.newKeySet();

    WorkingDayCalendar(CalendarProperties properties, ResourceLoader resourceLoader) {
        this.zone = Objects.requireNonNull(properties.zone(), "supervision.calendar.zone");
        this.data = CalendarData.load(properties.location(), resourceLoader);
        log.info("Working-day calendar in {} with official data for {} (from {})", zone, data.years(),
                properties.location());
    }

    /**
     * Tells whether a day is a working day.
     *
     * @param day a calendar day
     * @return false on holidays and on weekends that are not announced as working days
     */
    public boolean isWorkingDay(LocalDate day) {
        return data.officialStatus(day).orElseGet(() -> ordinaryWorkingDay(day));
    }

    /**
     * Counts working days forward from a day.
     *
     * @param start the day to count from; it does not count itself
     * @param n     how many working days, at least 0
     * @return the {@code n}-th working day after {@code start}; {@code start} itself when {@code n} is 0
     */
    public LocalDate addWorkingDays(LocalDate start, int n) {
        requireNotNegative(n);
        LocalDate day = start;
        for (int remaining = n; remaining > 0; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                remaining--;
            }
        }
        return day;
    }

    /**
     * Computes a deadline of {@code n} working days, such as the 15 working days a department has to handle a
     * complaint, or extends one.
     *
     * <p>The deadline is the end of the {@code n}-th working day after the day of {@code from}: 24:00 of that day in
     * the calendar's zone, which is returned as the first instant of the following calendar day. The last working
     * day is thus available in full, and a deadline is breached once the clock reaches the returned instant
     * ({@code !now.isBefore(deadline)}). The day of {@code from} is taken in the calendar's zone and never counts,
     * whatever the time of day. An instant at exactly 00:00 is read as 24:00 of the day before, the same instant,
     * so that a deadline is extended by {@code k} working days with {@code addWorkingDays(deadline, k)}:
     * {@code addWorkingDays(addWorkingDays(from, n), k) == addWorkingDays(from, n + k)}.
     *
     * @param from the instant the clock starts, e.g. when the complaint was routed, or the deadline to extend
     * @param n    how many working days, at least 0; 0 gives the end of the day of {@code from}
     * @return the instant at which the {@code n}-th working day ends
     */
    public Instant addWorkingDays(Instant from, int n) {
        requireNotNegative(n);
        return endOf(addWorkingDays(dayOf(from), n));
    }

    /**
     * Computes when a reminder is due before a deadline, such as the 催办 one working day before the handling
     * deadline.
     *
     * <p>The result is the same clock time {@code n} working days earlier, counted in working time: days off in
     * between do not count. A deadline from {@link #addWorkingDays(Instant, int)}, at 24:00 of its last working day,
     * gives 24:00 of the {@code n}-th working day before it; for a deadline at the end of Tuesday 2026-02-24, just
     * after the Spring Festival, one working day earlier is the end of Saturday 2026-02-14, the last working day
     * before the holiday. An instant during a day off stands for the end of the working day before it, as no
     * working time passes in between. When {@code n} is 0 the deadline is returned unchanged.
     *
     * @param deadline the deadline
     * @param n        how many working days earlier, at least 0
     * @return the earliest instant from which only {@code n} working days remain before the deadline
     */
    public Instant subtractWorkingDays(Instant deadline, int n) {
        requireNotNegative(n);
        if (n == 0) {
            return deadline;
        }
        LocalDate day = dayOf(deadline);
        LocalTime time = deadline.atZone(zone).toLocalTime();
        boolean endOfDay = time.equals(LocalTime.MIDNIGHT);
        if (!isWorkingDay(day)) {
            day = workingDayBefore(day, 1);
            endOfDay = true;
        }
        LocalDate target = workingDayBefore(day, n);
        return endOfDay ? endOf(target) : target.atTime(time).atZone(zone).toInstant();
    }

    /**
     * Counts the working days from one day to another, as {@link #addWorkingDays(LocalDate, int)} counts them:
     * {@code workingDaysBetween(start, addWorkingDays(start, n)) == n}.
     *
     * @param from the first day, not counted
     * @param to   the last day, counted
     * @return the number of working days after {@code from} up to and including {@code to}; negative when
     *         {@code to} is before {@code from}
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    /**
     * Names the zone in which days are reckoned.
     *
     * @return the configured zone, {@code Asia/Shanghai} by default
     */
    public ZoneId zone() {
        return zone;
    }

    /**
     * Lists the years that have official data, for the administrators' overview; other years use Monday to Friday.
     *
     * @return the years in ascending order
     */
    public Set<Integer> yearsWithData() {
        return data.years();
    }

    /**
     * Lists the holidays of a year as announced.
     *
     * @param year a year
     * @return the holidays in date order; empty when the year has no data
     */
    public List<Holiday> holidays(int year) {
        return data.year(year).map(CalendarYear::holidays).orElse(List.of());
    }

    /**
     * Lists the Saturdays and Sundays of a year that are working days (调休上班).
     *
     * @param year a year
     * @return the days in order; empty when the year has no data
     */
    public List<LocalDate> workingWeekends(int year) {
        return data.year(year).map(CalendarYear::workingWeekends).orElse(List.of());
    }

    private boolean ordinaryWorkingDay(LocalDate day) {
        if (!data.covers(day.getYear()) && yearsWarnedAbout.add(day.getYear())) {
            log.warn("No holiday data for {}, using Monday–Friday; add calendar/{}.yml from the State Council notice",
                    day.getYear(), day.getYear());
        }
        DayOfWeek dayOfWeek = day.getDayOfWeek();
        return dayOfWeek != DayOfWeek.SATURDAY && dayOfWeek != DayOfWeek.SUNDAY;
    }

    private LocalDate workingDayBefore(LocalDate day, int n) {
        LocalDate result = day;
        for (int remaining = n; remaining > 0; ) {
            result = result.minusDays(1);
            if (isWorkingDay(result)) {
                remaining--;
            }
        }
        return result;
    }

    /** The day an instant belongs to in the calendar's zone, 00:00 being the end (24:00) of the day before. */
    private LocalDate dayOf(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        LocalDate day = local.toLocalDate();
        return local.toLocalTime().equals(LocalTime.MIDNIGHT) ? day.minusDays(1) : day;
    }

    private Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }

    private static void requireNotNegative(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("the number of working days must not be negative, was " + n);
        }
    }
}
