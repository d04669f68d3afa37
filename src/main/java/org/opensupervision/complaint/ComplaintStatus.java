package org.opensupervision.complaint;

/** Where a complaint stands; kept in our own table so lists and counts need no scan of Camunda's history. */
public enum ComplaintStatus {
    /** Accepted by intake; the process instance is about to route it. */
    SUBMITTED,
    /** Routed to a department, which owes the first feedback. */
    AWAITING_FIRST_FEEDBACK,
    /** First feedback given; the department is handling the case. */
    IN_HANDLING,
    /** The department replied; the supervision office reviews the reply. */
    UNDER_REVIEW,
    /** The reply was approved and sent. */
    CLOSED,
    /** Rejected by the supervision office as out of scope. */
    REJECTED;

    /** Whether the case is still running. */
    public boolean isOpen() {
        return this != CLOSED && this != REJECTED;
    }
}
