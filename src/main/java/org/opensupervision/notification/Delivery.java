package org.opensupervision.notification;

/** What happened to a mail. */
public enum Delivery {
    /** Written with SMTP configured: waiting for the dispatcher to hand it to the SMTP server (or to retry). */
    PENDING,
    /** Handed to the SMTP server. */
    SMTP,
    /** Every attempt to send it failed: an operator looks at the error and retries it from the outbox page. */
    FAILED,
    /** No SMTP server configured: kept in the outbox for staff to read. */
    OUTBOX,
    /** Nobody to write to (an anonymous complainant, or one without an e-mail address). */
    NO_ADDRESS
}
