package org.opensupervision.calendar;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternUtils;

/**
 * The official days of every year that has a calendar file: which days are holidays and which weekend days are
 * working days. Days it says nothing about follow the Monday-to-Friday rule.
 */
final class CalendarData {

    private final Map<Integer, CalendarYear> years;
    private final Map<LocalDate, Boolean> officialDays;

    private CalendarData(Map<Integer, CalendarYear> years, Map<LocalDate, Boolean> officialDays) {
        this.years = Collections.unmodifiableMap(years);
        this.officialDays = Map.copyOf(officialDays);
    }

    /**
     * Reads every calendar file matching the pattern.
     *
     * @throws InvalidCalendarDataException if no file matches, or a file is malformed, or two files disagree
     */
    static CalendarData load(String location, ResourceLoader resourceLoader) {
        ResourcePatternResolver resolver = ResourcePatternUtils.getResourcePatternResolver(resourceLoader);
        List<Resource> files = new ArrayList<>();
        try {
            for (Resource resource : resolver.getResources(location)) {
                if (resource.isReadable()) {
                    files.add(resource);
                }
            }
        }
        catch (IOException ex) {
            throw new InvalidCalendarDataException("Cannot list the calendar files at " + location, ex);
        }
        if (files.isEmpty()) {
            throw new InvalidCalendarDataException("No calendar file found at " + location
                    + " (supervision.calendar.location); without one every holiday would count as a working day");
        }
        files.sort(Comparator.comparing(CalendarData::describe));
        CalendarFileParser parser = new CalendarFileParser();
        List<CalendarYear> parsed = new ArrayList<>();
        for (Resource file : files) {
            String name = describe(file);
            try (Reader content = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
                parsed.add(parser.parse(name, content));
            }
            catch (IOException ex) {
                throw new InvalidCalendarDataException("Cannot read calendar file " + name, ex);
            }
        }
        return of(parsed);
    }

    /**
     * Combines the years of several files.
     *
     * @throws InvalidCalendarDataException if two files describe the same year, or one calls a day a holiday that
     *                                      another calls a working day (possible around New Year)
     */
    static CalendarData of(List<CalendarYear> calendarYears) {
        Map<Integer, CalendarYear> years = new TreeMap<>();
        Map<LocalDate, Boolean> officialDays = new HashMap<>();
        Map<LocalDate, CalendarYear> declaredBy = new HashMap<>();
        for (CalendarYear calendarYear : calendarYears) {
            CalendarYear earlier = years.putIfAbsent(calendarYear.year(), calendarYear);
            if (earlier != null) {
                throw new InvalidCalendarDataException("Calendar files " + earlier.file() + " and "
                        + calendarYear.file() + " both describe " + calendarYear.year());
            }
            for (Holiday holiday : calendarYear.holidays()) {
                for (LocalDate day : holiday.days()) {
                    declare(day, false, calendarYear, officialDays, declaredBy);
                }
            }
            for (LocalDate day : calendarYear.workingWeekends()) {
                declare(day, true, calendarYear, officialDays, declaredBy);
            }
        }
        return new CalendarData(years, officialDays);
    }

    private static void declare(LocalDate day, boolean workingDay, CalendarYear calendarYear,
            Map<LocalDate, Boolean> officialDays, Map<LocalDate, CalendarYear> declaredBy) {
        Boolean earlier = officialDays.putIfAbsent(day, workingDay);
        if (earlier != null && earlier != workingDay) {
            throw new InvalidCalendarDataException("Calendar files " + declaredBy.get(day).file() + " and "
                    + calendarYear.file() + " disagree on " + day
                    + ": one calls it a holiday, the other a working day");
        }
        declaredBy.putIfAbsent(day, calendarYear);
    }

    /**
     * The official status of a day, if a calendar file mentions it.
     *
     * @return true for a make-up working day, false for a holiday, empty for an ordinary day
     */
    Optional<Boolean> officialStatus(LocalDate day) {
        return Optional.ofNullable(officialDays.get(day));
    }

    boolean covers(int year) {
        return years.containsKey(year);
    }

    Set<Integer> years() {
        return Collections.unmodifiableSet(years.keySet());
    }

    Optional<CalendarYear> year(int year) {
        return Optional.ofNullable(years.get(year));
    }

    private static String describe(Resource resource) {
        try {
            return resource.getURL().toString();
        }
        catch (IOException ex) {
            return resource.getDescription();
        }
    }
}
