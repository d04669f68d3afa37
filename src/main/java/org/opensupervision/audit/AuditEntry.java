package org.opensupervision.audit;

import java.time.Instant;

/** One stored link of a case's hash chain. {@code detail} is the JSON text that was hashed. */
public record AuditEntry(long sequence, String caseKey, Instant occurredAt, Instant retainUntil, String kind,
                         AuditSource source, String actor, String processInstanceId, String element, String detail,
                         String reason, String previousHash, String hash) {
}
