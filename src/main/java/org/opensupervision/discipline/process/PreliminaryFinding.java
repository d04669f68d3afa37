package org.opensupervision.discipline.process;

/**
 * The inspectors' preliminary review (form {@code disciplinaryPreliminaryReview}, variable {@code preliminaryFinding}).
 * The form sends the constant's name; the model's gateway conditions compare against the same names
 * ({@code DecisionGatewaysTest} holds model, form and enum together).
 */
public enum PreliminaryFinding {
    /** An investigation opens. */
    INVESTIGATE,
    /** Closed as no violation (无违规), with a reason. */
    NO_CASE
}
