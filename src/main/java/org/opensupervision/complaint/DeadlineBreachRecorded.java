package org.opensupervision.complaint;

import java.time.Instant;

/**
 * A deadline breach was recorded against a department; published inside the transaction that records it, so a
 * listener's work commits or rolls back with the breach.
 */
public record DeadlineBreachRecorded(String trackingNumber, String departmentCode, ComplaintCategory category,
                                     BreachKind kind, Instant dueAt, Instant recordedAt) {
}
