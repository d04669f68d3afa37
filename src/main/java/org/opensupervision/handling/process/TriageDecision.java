package org.opensupervision.handling.process;

/**
 * The supervision office's triage decision (form {@code complaintTriage}, variable {@code triageDecision}).
 * The form sends the constant's name; the model's gateway conditions compare against the same names
 * ({@code DecisionGatewaysTest} holds model, form and enum together).
 */
public enum TriageDecision {
    /** The routed department keeps the case. */
    ACCEPT,
    /** The case moves to the department the office names. */
    REDIRECT,
    /** Not accepted (不予受理), with a reason for the citizen. */
    REJECT,
    /** Referred to the discipline inspectors, with a reason. */
    ESCALATE
}
