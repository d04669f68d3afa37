package org.opensupervision.audit;

/** Who caused an audit entry. */
public enum AuditSource {
    /** The engine on its own: a timer, a job, a service task without a logged-in user. */
    ENGINE,
    /** A logged-in member of staff. */
    STAFF,
    /** The complainant, through a signed link or the tracking number and access code. */
    CITIZEN
}
