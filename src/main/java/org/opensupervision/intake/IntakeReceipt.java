package org.opensupervision.intake;

import java.time.Instant;

/**
 * What the complainant gets back.
 *
 * @param created false when an earlier submission with the same idempotency key was returned
 */
public record IntakeReceipt(String trackingNumber, String accessCode, Instant firstFeedbackDueAt, boolean created) {
}
