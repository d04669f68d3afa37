package org.opensupervision.evaluation;

/** Whether an indicator counted in a department's score. */
public enum IndicatorStatus {
    /** Measured on at least the minimum sample: scored with its weight. */
    SCORED,
    /** Measured, but on fewer cases than the rule's minimum: not scored, its weight redistributed. */
    TOO_FEW,
    /** No data source: not scored, never shown as zero, its weight redistributed. */
    NOT_MEASURED
}
