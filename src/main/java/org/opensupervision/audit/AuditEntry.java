package org.opensupervision.audit;

import java.time.Instant;

/**
 * One stored link of a case's hash chain. {@code detail} is the JSON text that was hashed; {@code previousHash} is the
 * hash of the entry before (not stored twice: it is read from that entry), which this entry's hash covers.
 */
public record AuditEntry(long sequence, String caseKey, Instant occurredAt, Instant retainUntil, String kind,
                         AuditSource source, String actor, String processInstanceId, String element, String detail,
                         String reason, String previousHash, String hash) {

    AuditEntry withPreviousHash(String previous) {
        return new AuditEntry(sequence, caseKey, occurredAt, retainUntil, kind, source, actor, processInstanceId,
                element, detail, reason, previous, hash);
    }
}
