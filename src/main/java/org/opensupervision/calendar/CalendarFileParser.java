package org.opensupervision.calendar;

import java.io.IOException;
import java.io.Reader;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

/**
 * Reads and checks one calendar file (format: {@code src/main/resources/calendar/2026.yml}): Jackson binds the YAML
 * into {@link CalendarFile} (unknown and duplicate keys, impossible dates and values of the wrong kind are refused),
 * Bean Validation checks each entry's fields, and the rules between entries are checked here.
 *
 * <p>Every check exists because a wrong entry would silently move legal deadlines: a range typed backwards, a
 * make-up day that is not a weekend, a date copied from last year's file. New Year arrangements may reach back into
 * December of the previous year (the 2012 notice made 2011-12-31 a working day), so dates from that December are
 * accepted.
 */
final class CalendarFileParser {

    private static final Pattern YEAR_FILE_NAME = Pattern.compile("(\\d{4})\\.ya?ml");
    private static final YAMLMapper YAML = mapper();
    /** Built once: bootstrapping a validator takes longer than reading every calendar file. */
    private static final Validator VALIDATOR = validator();

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
        // The whole text first, so that broken YAML is reported as such wherever it is, then bound.
        JsonNode document;
        try {
            document = YAML.readTree(content);
        } catch (JsonProcessingException ex) {
            throw new InvalidCalendarDataException(
                    "Calendar file " + file + " is not valid YAML: " + ex.getOriginalMessage(), ex);
        } catch (IOException ex) {
            throw new InvalidCalendarDataException("Cannot read calendar file " + file, ex);
        }
        if (document == null || document.isMissingNode() || document.isNull()) {
            throw new InvalidCalendarDataException("Calendar file " + file + ": the file is empty");
        }
        CalendarFile bound;
        try {
            bound = YAML.treeToValue(document, CalendarFile.class);
        } catch (JsonProcessingException ex) {
            throw new InvalidCalendarDataException("Calendar file " + file + ": " + describe(ex, document), ex);
        }
        Set<ConstraintViolation<CalendarFile>> violations = VALIDATOR.validate(bound);
        if (!violations.isEmpty()) {
            throw new InvalidCalendarDataException("Calendar file " + file + ": " + violations.stream()
                    .map(v -> describe(v, bound)).sorted().collect(Collectors.joining("; ")));
        }
        return new YearChecks(file, bound.year()).check(bound);
    }

    private static YAMLMapper mapper() {
        YAMLMapper mapper = YAMLMapper.builder(YAMLFactory.builder().build())
                .addModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .build();
        // A year is a number, a name is text, a date is yyyy-MM-dd: no guessing between them.
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        for (CoercionInputShape shape : List.of(CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean)) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        mapper.configOverride(LocalDate.class).setFormat(JsonFormat.Value.forLeniency(false));
        return mapper;
    }

    @SuppressWarnings("resource") // kept for the life of the class: its validator needs it
    private static Validator validator() {
        ValidatorFactory factory = Validation.buildDefaultValidatorFactory();
        return factory.getValidator();
    }

    /** What Jackson refused, in the words of the file: "holiday #2 'from' '2026-02-30' is not a valid date". */
    private static String describe(JsonProcessingException problem, JsonNode document) {
        if (!(problem instanceof JsonMappingException ex)) {
            return problem.getOriginalMessage();
        }
        String where = where(ex.getPath());
        if (ex instanceof UnrecognizedPropertyException unknown) {
            where = where(ex.getPath().subList(0, ex.getPath().size() - 1));
            Collection<Object> allowed = unknown.getKnownPropertyIds();
            return where + " has the unknown key '" + unknown.getPropertyName() + "' (allowed: " + allowed + ")";
        }
        if (ex instanceof InvalidFormatException invalid && LocalDate.class.equals(invalid.getTargetType())) {
            return where + " '" + invalid.getValue() + "' is not a valid date (expected yyyy-MM-dd)";
        }
        if (ex instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return where + " must be " + expected(mismatch.getTargetType()) + ", was " + found(document, ex.getPath());
        }
        return where + ": " + ex.getOriginalMessage();
    }

    private static String expected(Class<?> type) {
        if (LocalDate.class.equals(type)) {
            return "a date such as 2026-01-01";
        }
        if (Integer.class.equals(type) || int.class.equals(type)) {
            return "a whole number such as 2026";
        }
        if (String.class.equals(type)) {
            return "a non-empty text";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "a mapping";
    }

    /** The value the file has where binding failed: "'2026'", "a list", "a mapping". */
    private static String found(JsonNode document, List<JsonMappingException.Reference> path) {
        JsonNode node = document;
        for (JsonMappingException.Reference step : path) {
            node = step.getFieldName() != null ? node.path(step.getFieldName()) : node.path(step.getIndex());
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isObject()) {
            return "a mapping";
        }
        return node.isMissingNode() || node.isNull() ? "missing" : "'" + node.asText() + "'";
    }

    /** "the file", "'holidays'", "holiday #2 'from'", "working weekend #1". */
    private static String where(List<JsonMappingException.Reference> path) {
        String where = "the file";
        for (JsonMappingException.Reference step : path) {
            if (step.getFieldName() != null) {
                where = where.equals("the file") ? "'" + step.getFieldName() + "'" : where + " '" + step.getFieldName()
                        + "'";
            } else if (step.getIndex() >= 0) {
                where = entry(where, step.getIndex());
            }
        }
        return where;
    }

    private static String entry(String list, int index) {
        return switch (list) {
            case "'holidays'" -> "holiday #" + (index + 1);
            case "'workingWeekends'" -> "working weekend #" + (index + 1);
            default -> list + " #" + (index + 1);
        };
    }

    /** A field that failed its constraint: "holiday #1 (春节) 'en' must be a non-empty text, was missing". */
    private static String describe(ConstraintViolation<CalendarFile> violation, CalendarFile file) {
        String where = null;
        for (Path.Node node : violation.getPropertyPath()) {
            String name = node.getName();
            if (where == null) {
                where = "'" + name + "'";
                continue;
            }
            if (node.getIndex() != null) {
                where = entry(where, node.getIndex());
                if (where.startsWith("holiday #")) {
                    where += holidayName(file, node.getIndex());
                }
            }
            if (name != null && !name.startsWith("<")) {
                where += " '" + name + "'";
            }
        }
        Object value = violation.getInvalidValue();
        String was = value instanceof Collection<?> ? "" : value == null ? ", was missing" : ", was '" + value + "'";
        return where + " " + violation.getMessage() + was;
    }

    private static String holidayName(CalendarFile file, int index) {
        CalendarFile.HolidayEntry holiday = file.holidays().get(index);
        return holiday == null || holiday.name() == null || holiday.name().isBlank() ? ""
                : " (" + holiday.name().strip() + ")";
    }

    /** The rules between the entries, once each entry is well formed. */
    private static final class YearChecks {

        private final String file;
        private final int year;

        YearChecks(String file, int year) {
            this.file = file;
            this.year = year;
        }

        CalendarYear check(CalendarFile bound) {
            Matcher name = YEAR_FILE_NAME.matcher(file.substring(file.lastIndexOf('/') + 1));
            if (name.matches() && Integer.parseInt(name.group(1)) != year) {
                throw invalid("'year' is " + year + " but the file is named for " + name.group(1));
            }
            List<Holiday> holidays = holidays(bound.holidays());
            List<LocalDate> workingWeekends = workingWeekends(bound.workingWeekends(), holidays);
            return new CalendarYear(year, bound.source().strip(), holidays, workingWeekends, file);
        }

        private List<Holiday> holidays(List<CalendarFile.HolidayEntry> entries) {
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

        private Holiday holiday(CalendarFile.HolidayEntry entry, String number) {
            String name = entry.name().strip();
            String englishName = entry.en().strip();
            String label = number + " (" + name + " / " + englishName + ")";
            LocalDate from = entry.from();
            LocalDate to = entry.to();
            if (to.getYear() != year) {
                throw invalid(label + ": 'to' " + to + " is not in " + year);
            }
            requireInRange(from, label + ": 'from'");
            if (to.isBefore(from)) {
                throw invalid(label + ": 'to' " + to + " is before 'from' " + from);
            }
            return new Holiday(name, englishName, from, to);
        }

        private List<LocalDate> workingWeekends(List<LocalDate> entries, List<Holiday> holidays) {
            if (entries == null) {
                return List.of();
            }
            Set<LocalDate> seen = new HashSet<>();
            List<LocalDate> days = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                String entry = "working weekend #" + (i + 1);
                LocalDate day = entries.get(i);
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

        private static String label(Holiday holiday) {
            return holiday.name() + " / " + holiday.englishName() + " (" + holiday.from() + " to " + holiday.to() + ")";
        }

        private InvalidCalendarDataException invalid(String problem) {
            return new InvalidCalendarDataException("Calendar file " + file + ": " + problem);
        }
    }
}
