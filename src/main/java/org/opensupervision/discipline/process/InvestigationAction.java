package org.opensupervision.discipline.process;

/**
 * The end of an investigation step (form {@code disciplinaryInvestigation}, variable {@code investigationAction}).
 * The form sends the constant's name; the model's gateway conditions compare against the same names
 * ({@code DecisionGatewaysTest} holds model, form and enum together).
 */
public enum InvestigationAction {
    /** Findings written down; the decision follows. */
    CONCLUDE,
    /** Extended once, with a reason and working days. */
    EXTEND
}
