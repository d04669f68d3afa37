package org.opensupervision.audit;

import java.time.Instant;

import org.opensupervision.secrets.KeyedDigest;

/**
 * The link function of the chain: HMAC-SHA-256 over every field of an entry and the previous entry's hash. Keyed, so
 * that whoever can write to the table but does not hold the key cannot insert or rewrite an entry that verifies.
 */
final class AuditChain {

    static final String GENESIS = "0".repeat(64);

    private final KeyedDigest hmac;

    AuditChain(KeyedDigest hmac) {
        this.hmac = hmac;
    }

    String hash(long sequence, String caseKey, Instant occurredAt, Instant retainUntil, String kind, String source,
                String actor, String processInstanceId, String element, String detail, String reason,
                String previousHash) {
        StringBuilder canonical = new StringBuilder();
        for (Object field : new Object[] {sequence, caseKey, occurredAt, retainUntil, kind, source, actor,
                processInstanceId, element, detail, reason, previousHash}) {
            // Length-prefixed, so no two different entries can produce the same text.
            String text = field == null ? "" : field.toString();
            canonical.append(field == null ? -1 : text.length()).append(':').append(text).append(';');
        }
        return hmac.hex(canonical.toString());
    }

    String hash(AuditEntry e) {
        return hash(e.sequence(), e.caseKey(), e.occurredAt(), e.retainUntil(), e.kind(), e.source().name(),
                e.actor(), e.processInstanceId(), e.element(), e.detail(), e.reason(), e.previousHash());
    }
}
