package org.opensupervision.intake;

import org.opensupervision.complaint.ComplaintRegistration;
import org.opensupervision.secrets.HmacKey;
import org.opensupervision.secrets.KeyedDigest;
import org.opensupervision.secrets.KeyedDigests;
import org.springframework.stereotype.Component;

/**
 * The fingerprint that tells an idempotent retry from a different complaint under the same key. It covers the contact
 * data, so it is keyed (HMAC-SHA-256 with the server secret, separated from the access codes by a label): a plain
 * hash of a phone number could be reversed by trying every number.
 */
@Component
class RequestFingerprints {

    private static final String LABEL = "request-fingerprint";

    private final KeyedDigest hmac;

    RequestFingerprints(KeyedDigests digests) {
        this.hmac = digests.of(HmacKey.ACCESS_CODE);
    }

    String of(ComplaintRegistration r) {
        String canonical = String.join("\u0000", LABEL, r.departmentCode(), r.category().name(), r.title(),
                r.description(), String.valueOf(r.approvalCaseNumber()), String.valueOf(r.incidentDate()),
                String.valueOf(r.anonymous()), String.valueOf(r.contactName()), String.valueOf(r.contactPhone()),
                String.valueOf(r.contactEmail()));
        return hmac.hex(canonical);
    }
}
