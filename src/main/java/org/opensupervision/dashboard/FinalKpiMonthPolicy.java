package org.opensupervision.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * When a KPI month is final: its end (midnight at the start of the next month, China Standard Time) lies more than
 * the grace period behind now. Until then deadline jobs due at the month's end and events sent late may still add to
 * its figures, so the month is computed live; from then on its figures are computed once and kept.
 */
final class FinalKpiMonthPolicy {

    private final ZoneId zone;
    private final Duration grace;

    FinalKpiMonthPolicy(ZoneId zone, Duration grace) {
        if (grace.isNegative()) {
            throw new IllegalArgumentException("supervision.kpi.closed-month-grace must not be negative: " + grace);
        }
        this.zone = zone;
        this.grace = grace;
    }

    boolean isFinal(YearMonth month, Instant now) {
        return !now.isBefore(end(month).plus(grace));
    }

    Instant end(YearMonth month) {
        return month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
    }
}
