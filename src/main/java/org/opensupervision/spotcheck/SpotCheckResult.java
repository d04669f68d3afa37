package org.opensupervision.spotcheck;

/** Where a sampled case stands. */
public enum SpotCheckResult {
    PENDING, PASSED, DISCREPANCY
}
