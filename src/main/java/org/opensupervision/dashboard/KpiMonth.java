package org.opensupervision.dashboard;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * The figures of every department for one month, in the directory's order.
 *
 * @param computedAt when the figures of a final month were computed and stored; {@code null} for a month computed
 *                   live (the current month, or one still inside its grace period)
 */
public record KpiMonth(YearMonth month, List<DepartmentKpis> departments, Instant computedAt) {

    public KpiMonth {
        departments = List.copyOf(departments);
    }

    /** Whether the figures are the stored ones of a final month. */
    public boolean stored() {
        return computedAt != null;
    }
}
