package org.opensupervision.calendar;

import java.io.Reader;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads and checks one calendar file (format: {@code src/main/resources/calendar/2026.yml}).
 *
 * <p>Every check exists because a wrong entry would silently move legal deadlines: a range typed backwards, a
 * make-up day that is not a weekend, a date copied from last year's file. New Year arrangements may reach back into
 * December of the previous year (the 2012 notice made 2011-12-31 a working day), so dates from that December are
 * accepted.
 */
final class CalendarFileParser {

    private static final List<String> FILE_KEYS = List.of("year", "source", "holidays", "workingWeekends");
    private static final List<String> HOLIDAY_KEYS = List.of("name", "en", "from", "to");
    private static final Pattern YEAR_FILE_NAME = Pattern.compile("(\\d{4})\\.ya?ml");

    /**
     * Parses one file.
     *
     * @param file    where the text comes from, used in messages; a last path segment such as {@code 2026.yml}
     *                must agree with the year inside
     * @param content the YAML text
     * @return the checked data of the year
     * @throws InvalidCalendarDataException naming the file and the bad entry
     */
    CalendarYear parse(String file, Reader content) {
        Object document;
        try {
            document = yaml().load(content);
        }
        catch (YAMLException ex) {
            throw new InvalidCalendarDataException(
                    "Calendar file " + file + " is not valid YAML: " + ex.getMessage(), ex);
        }
        return new YearReader(file).read(document);
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(new DatesAsText(options));
    }

    /**
     * Keeps dates as text so that {@link LocalDate#parse} checks them strictly: SnakeYAML's own timestamps are
     * {@code java.util.Date}s that depend on a time zone and accept 2026-02-30 as March 2.
     */
    private static final class DatesAsText extends SafeConstructor {

        DatesAsText(LoaderOptions options) {
            super(options);
            yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
        }
    }

    private static final class YearReader {

        private final String file;
        private int year;

        YearReader(String file) {
            this.file = file;
        }

        CalendarYear read(Object document) {
            Map<?, ?> root = mapping(document, "the file", FILE_KEYS);
            year = year(root.get("year"));
            String source = text(root.get("source"), "'source'");
            List<Holiday> holidays = holidays(root.get("holidays"));
            List<LocalDate> workingWeekends = workingWeekends(root.get("workingWeekends"), holidays);
            return new CalendarYear(year, source, holidays, workingWeekends, file);
        }

        private int year(Object value) {
            if (!(value instanceof Integer number)) {
                throw invalid("'year' must be a whole number such as 2026, was " + describe(value));
            }
            Matcher name = YEAR_FILE_NAME.matcher(file.substring(file.lastIndexOf('/') + 1));
            if (name.matches() && Integer.parseInt(name.group(1)) != number) {
                throw invalid("'year' is " + number + " but the file is named for " + name.group(1));
            }
            return number;
        }

        private List<Holiday> holidays(Object value) {
            List<?> entries = list(value, "'holidays'");
            if (entries.isEmpty()) {
                throw invalid("'holidays' is empty; every official notice announces holidays");
            }
            List<Holiday> holidays = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                holidays.add(holiday(entries.get(i), "holiday #" + (i + 1)));
            }
            holidays.sort(Comparator.comparing(Holiday::from));
            for (int i = 1; i < holidays.size(); i++) {
                Holiday earlier = holidays.get(i - 1);
                Holiday later = holidays.get(i);
                if (!later.from().isAfter(earlier.to())) {
                    throw invalid("holidays " + label(earlier) + " and " + label(later) + " overlap");
                }
            }
            return holidays;
        }

        private Holiday holiday(Object value, String entry) {
            Map<?, ?> fields = mapping(value, entry, HOLIDAY_KEYS);
            String name = text(fields.get("name"), entry + " 'name'");
            String englishName = text(fields.get("en"), entry + " (" + name + ") 'en'");
            String label = entry + " (" + name + " / " + englishName + ")";
            LocalDate from = date(fields.get("from"), label + " 'from'");
            LocalDate to = date(fields.get("to"), label + " 'to'");
            if (to.getYear() != year) {
                throw invalid(label + ": 'to' " + to + " is not in " + year);
            }
            requireInRange(from, label + ": 'from'");
            if (to.isBefore(from)) {
                throw invalid(label + ": 'to' " + to + " is before 'from' " + from);
            }
            return new Holiday(name, englishName, from, to);
        }

        private List<LocalDate> workingWeekends(Object value, List<Holiday> holidays) {
            if (value == null) {
                return List.of();
            }
            List<?> entries = list(value, "'workingWeekends'");
            Set<LocalDate> seen = new HashSet<>();
            List<LocalDate> days = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                String entry = "working weekend #" + (i + 1);
                LocalDate day = date(entries.get(i), entry);
                requireInRange(day, entry);
                String label = entry + " " + day;
                if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                    throw invalid(label + " is a " + day.getDayOfWeek() + ", not a Saturday or Sunday"
                            + " (Monday to Friday are working days anyway)");
                }
                if (!seen.add(day)) {
                    throw invalid(label + " is listed twice");
                }
                for (Holiday holiday : holidays) {
                    if (holiday.includes(day)) {
                        throw invalid(label + " falls inside holiday " + label(holiday));
                    }
                }
                days.add(day);
            }
            days.sort(Comparator.naturalOrder());
            return days;
        }

        private void requireInRange(LocalDate day, String what) {
            LocalDate earliest = LocalDate.of(year - 1, 12, 1);
            LocalDate latest = LocalDate.of(year, 12, 31);
            if (day.isBefore(earliest) || day.isAfter(latest)) {
                throw invalid(what + " " + day + " is not in " + year
                        + " (only New Year arrangements may reach back into December " + (year - 1) + ")");
            }
        }

        private Map<?, ?> mapping(Object value, String what, List<String> allowedKeys) {
            if (!(value instanceof Map<?, ?> map)) {
                throw invalid(what + " must be a mapping with the keys " + allowedKeys + ", was " + describe(value));
            }
            for (Object key : map.keySet()) {
                if (!allowedKeys.contains(key)) {
                    throw invalid(what + " has the unknown key '" + key + "' (allowed: " + allowedKeys + ")");
                }
            }
            return map;
        }

        private List<?> list(Object value, String what) {
            if (!(value instanceof List<?> list)) {
                throw invalid(what + " must be a list, was " + describe(value));
            }
            return list;
        }

        private String text(Object value, String what) {
            if (!(value instanceof String text) || text.isBlank()) {
                throw invalid(what + " must be a non-empty text, was " + describe(value));
            }
            return text.strip();
        }

        private LocalDate date(Object value, String what) {
            if (value instanceof String text) {
                try {
                    return LocalDate.parse(text);
                }
                catch (DateTimeParseException ex) {
                    throw invalid(what + " '" + text + "' is not a valid date (expected yyyy-MM-dd)");
                }
            }
            throw invalid(what + " must be a date such as " + year + "-01-01, was " + describe(value));
        }

        private static String label(Holiday holiday) {
            return holiday.name() + " / " + holiday.englishName() + " (" + holiday.from() + " to " + holiday.to() + ")";
        }

        private static String describe(Object value) {
            return value == null ? "missing" : "'" + value + "'";
        }

        private InvalidCalendarDataException invalid(String problem) {
            return new InvalidCalendarDataException("Calendar file " + file + ": " + problem);
        }
    }
}
