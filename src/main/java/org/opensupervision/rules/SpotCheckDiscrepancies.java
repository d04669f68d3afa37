package org.opensupervision.rules;

import java.time.Instant;

/** Spot-check discrepancies found against a department; implemented by the spot-check module that records them. */
public interface SpotCheckDiscrepancies {

    /** How many spot checks of the department's cases found a discrepancy since {@code since}. */
    long countSince(String departmentCode, Instant since);
}
