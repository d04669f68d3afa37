package org.opensupervision.spotcheck;

/** One department's line of a round's report. */
public record DepartmentSpotCheckRow(String departmentCode, String departmentName, int sampled, int checked,
                                     int passed, int discrepancies, int rectified) {

    /** Passed checks as a share of finished checks, in per cent; null before any check. */
    public Double passRate() {
        return checked == 0 ? null : Math.round(1000.0 * passed / checked) / 10.0;
    }
}
