package org.opensupervision.evaluation;

import java.time.Instant;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A month ({@code 2026-11}) or a year ({@code 2026}) of the evaluation, reckoned in China Standard Time.
 *
 * @param code the period as the API and the pages write it
 */
public record EvaluationPeriod(String code) {

    /** The period of a code, or empty when it is neither {@code yyyy-MM} nor {@code yyyy}. */
    public static Optional<EvaluationPeriod> parse(String code) {
        if (code == null || !code.matches("\\d{4}(-\\d{2})?")) {
            return Optional.empty();
        }
        try {
            if (code.length() == 7) {
                YearMonth.parse(code);
            }
            return Optional.of(new EvaluationPeriod(code));
        } catch (DateTimeParseException ex) {
            return Optional.empty();
        }
    }

    public static EvaluationPeriod of(YearMonth month) {
        return new EvaluationPeriod(month.toString());
    }

    public static EvaluationPeriod of(Year year) {
        return new EvaluationPeriod(year.toString());
    }

    /** Whether this is a year (the annual roll-up of its months). */
    public boolean isAnnual() {
        return code.length() == 4;
    }

    /** The months of the period: one, or the twelve of the year. */
    public List<YearMonth> months() {
        if (!isAnnual()) {
            return List.of(YearMonth.parse(code));
        }
        int year = Integer.parseInt(code);
        return IntStream.rangeClosed(1, 12).mapToObj(m -> YearMonth.of(year, m)).toList();
    }

    /** The period before: the previous month, or the previous year. */
    public EvaluationPeriod previous() {
        return isAnnual() ? new EvaluationPeriod(String.valueOf(Integer.parseInt(code) - 1))
                : of(YearMonth.parse(code).minusMonths(1));
    }

    /** The first instant of the period in {@code zone}. */
    public Instant start(ZoneId zone) {
        return months().get(0).atDay(1).atStartOfDay(zone).toInstant();
    }

    /** The first instant after the period in {@code zone}. */
    public Instant end(ZoneId zone) {
        return months().get(months().size() - 1).plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
    }

    @Override
    public String toString() {
        return code;
    }
}
