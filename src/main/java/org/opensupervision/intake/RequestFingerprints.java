package org.opensupervision.intake;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.opensupervision.complaint.ComplaintRegistration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The fingerprint that tells an idempotent retry from a different complaint under the same key. It covers the contact
 * data, so it is keyed (HMAC-SHA-256 with the server secret, separated from the access codes by a label): a plain
 * hash of a phone number could be reversed by trying every number.
 */
@Component
class RequestFingerprints {

    private static final String LABEL = "request-fingerprint";

    /** Initialised once; each use works on a clone, far cheaper than looking the algorithm up again. */
    private final Mac prototype;

    RequestFingerprints(@Value("${supervision.intake.access-code-secret}") String secret) {
        try {
            this.prototype = Mac.getInstance("HmacSHA256");
            prototype.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 unavailable", ex);
        }
    }

    String of(ComplaintRegistration r) {
        String canonical = String.join("\u0000", LABEL, r.departmentCode(), r.category().name(), r.title(),
                r.description(), String.valueOf(r.approvalCaseNumber()), String.valueOf(r.incidentDate()),
                String.valueOf(r.anonymous()), String.valueOf(r.contactName()), String.valueOf(r.contactPhone()),
                String.valueOf(r.contactEmail()));
        try {
            Mac mac = (Mac) prototype.clone();
            return HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (CloneNotSupportedException ex) {
            throw new IllegalStateException("HmacSHA256 cannot be cloned", ex);
        }
    }
}
