package org.opensupervision.handling.process;

/**
 * The department's handling step (form {@code complaintHandling}, variable {@code handlingAction}).
 * The form sends the constant's name; the model's gateway conditions compare against the same names
 * ({@code DecisionGatewaysTest} holds model, form and enum together).
 */
public enum HandlingAction {
    /** The department replies. */
    REPLY,
    /** The department asks once for more working days. */
    REQUEST_EXTENSION
}
