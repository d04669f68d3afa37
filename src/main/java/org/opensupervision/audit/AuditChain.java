package org.opensupervision.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The link function of the chain: HMAC-SHA-256 over every field of an entry and the previous entry's hash. Keyed, so
 * that whoever can write to the table but does not hold the key cannot insert or rewrite an entry that verifies.
 */
final class AuditChain {

    static final String GENESIS = "0".repeat(64);

    /** Initialised once; each hash works on a clone, which is far cheaper than looking the algorithm up again. */
    private final Mac prototype;

    AuditChain(String chainKey) {
        try {
            this.prototype = Mac.getInstance("HmacSHA256");
            prototype.init(new SecretKeySpec(chainKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 unavailable", ex);
        }
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
        try {
            Mac mac = (Mac) prototype.clone();
            return HexFormat.of().formatHex(mac.doFinal(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (CloneNotSupportedException ex) {
            throw new IllegalStateException("HmacSHA256 cannot be cloned", ex);
        }
    }

    String hash(AuditEntry e) {
        return hash(e.sequence(), e.caseKey(), e.occurredAt(), e.retainUntil(), e.kind(), e.source().name(),
                e.actor(), e.processInstanceId(), e.element(), e.detail(), e.reason(), e.previousHash());
    }
}
