package org.opensupervision.handling.process;

/**
 * The office's review of a reply (form {@code replyReview}, variable {@code reviewDecision}).
 * The form sends the constant's name; the model's gateway conditions compare against the same names
 * ({@code DecisionGatewaysTest} holds model, form and enum together).
 */
public enum ReviewDecision {
    /** The reply goes to the citizen and the case closes. */
    APPROVE,
    /** Back to the department, with a comment on what to redo. */
    REWORK
}
