package org.opensupervision.notification;

/** What happened to a mail. */
public enum Delivery {
    /** Handed to the SMTP server. */
    SMTP,
    /** No SMTP server configured: kept in the outbox for staff to read. */
    OUTBOX,
    /** Nobody to write to (an anonymous complainant, or one without an e-mail address). */
    NO_ADDRESS
}
