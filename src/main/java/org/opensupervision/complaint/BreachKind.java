package org.opensupervision.complaint;

/** Which deadline was missed. */
public enum BreachKind {
    /** The 24-hour first feedback. */
    FIRST_FEEDBACK,
    /** The handling deadline in working days. */
    HANDLING
}
