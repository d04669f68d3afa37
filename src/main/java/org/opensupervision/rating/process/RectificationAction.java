package org.opensupervision.rating.process;

/**
 * The department's answer to a bad rating (form {@code rectification}, variable {@code rectificationAction}).
 * The form sends the constant's name; the model's gateway conditions compare against the same names
 * ({@code DecisionGatewaysTest} holds model, form and enum together).
 */
public enum RectificationAction {
    /** The department rectifies and replies. */
    RECTIFY,
    /** The department appeals the rating (once). */
    APPEAL
}
