package org.opensupervision.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opensupervision.complaint.ComplaintCategory;
import org.opensupervision.complaint.ComplaintRegistration;
import org.opensupervision.secrets.HmacKey;
import org.opensupervision.secrets.KeyedDigests;

class RequestFingerprintsTest {

    static ComplaintRegistration registration(String phone) {
        return new ComplaintRegistration("GD-AMR", ComplaintCategory.SLOW_ACTION, "标题", "内容", null, null, false,
                "张三", phone, "zhang@example.com", "key-1", null);
    }

    @Test
    void theFingerprintTellsSubmissionsApartAndIsKeyedSoContactDataCannotBeGuessedFromIt() {
        RequestFingerprints fingerprints = fingerprints("a-server-secret-of-some-length");
        String fingerprint = fingerprints.of(registration("13800138000"));

        assertThat(fingerprint).hasSize(64).isEqualTo(fingerprints.of(registration("13800138000")));
        assertThat(fingerprints.of(registration("13800138001"))).isNotEqualTo(fingerprint);
        // Without the server secret the same input gives another value: trying phone numbers needs the secret.
        assertThat(fingerprints("another-server-secret-entirely").of(registration("13800138000")))
                .isNotEqualTo(fingerprint);
    }

    static RequestFingerprints fingerprints(String secret) {
        return new RequestFingerprints(KeyedDigests.withSecrets(Map.of(HmacKey.ACCESS_CODE, secret)));
    }
}
