package org.opensupervision.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

@ExtendWith(OutputCaptureExtension.class)
class ContactCipherTest {

    static final String OLD = randomKey();
    static final String NEW = randomKey();

    static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    static ContactCipher cipher(Map<String, String> keys, String active, String... profiles) {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles(profiles);
        return new ContactCipher(new PrivacyProperties(keys, active, 200, false), environment);
    }

    @Test
    void aValueRoundTripsAndIsStoredUnderItsKeyIdWithAFreshNonceEachTime() {
        ContactCipher cipher = cipher(Map.of("k2026a", OLD), "k2026a");
        String first = cipher.encrypt("张三 13800138000");
        String second = cipher.encrypt("张三 13800138000");

        assertThat(first).startsWith("gcm:k2026a:").doesNotContain("张三", "13800138000").isNotEqualTo(second);
        assertThat(cipher.decrypt(first)).isEqualTo("张三 13800138000");
        assertThat(cipher.decrypt(second)).isEqualTo("张三 13800138000");
        assertThat(cipher.encrypt(null)).isNull();
        assertThat(cipher.decrypt(null)).isNull();
    }

    @Test
    void aTamperedValueOrAValuePassedOffAsAnotherKeysIsRefused() {
        ContactCipher cipher = cipher(Map.of("a", OLD, "b", OLD), "a");
        String stored = cipher.encrypt("zhang@example.com");
        byte[] raw = Base64.getDecoder().decode(stored.substring("gcm:a:".length()));
        raw[raw.length - 1] ^= 1;
        String tampered = "gcm:a:" + Base64.getEncoder().encodeToString(raw);

        assertThatThrownBy(() -> cipher.decrypt(tampered)).isInstanceOf(IllegalStateException.class);
        // Same key material under another id: the authenticated key id no longer matches.
        assertThatThrownBy(() -> cipher.decrypt(stored.replace("gcm:a:", "gcm:b:")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.decrypt(stored.replace("gcm:a:", "gcm:gone:")))
                .hasMessageContaining("supervision.privacy.keys.gone");
    }

    @Test
    void afterARotationOldValuesStayReadableAndNewOnesUseTheActiveKey() {
        String underOld = cipher(Map.of("old", OLD), "old").encrypt("13900001111");
        ContactCipher rotated = cipher(Map.of("old", OLD, "new", NEW), "new");

        assertThat(rotated.decrypt(underOld)).isEqualTo("13900001111");
        assertThat(rotated.isUnderActiveKey(underOld)).isFalse();
        assertThat(rotated.encrypt("13900001111")).startsWith("gcm:new:");
        assertThat(rotated.isUnderActiveKey(rotated.encrypt("x"))).isTrue();
        // A value stored before encryption existed reads as it is, and is due for re-encryption.
        assertThat(rotated.decrypt("13900001111")).isEqualTo("13900001111");
        assertThat(rotated.isUnderActiveKey("13900001111")).isFalse();
    }

    @Test
    void badKeyConfigurationStopsTheStart() {
        assertThatThrownBy(() -> cipher(Map.of("short", Base64.getEncoder().encodeToString(new byte[16])), "short"))
                .hasMessageContaining("256 bits");
        assertThatThrownBy(() -> cipher(Map.of("k", "not base64!"), "k")).hasMessageContaining("not base64");
        assertThatThrownBy(() -> cipher(Map.of("k", OLD), "missing")).hasMessageContaining("active-key");
        assertThatThrownBy(() -> cipher(Map.of("bad:id", OLD), "bad:id")).hasMessageContaining("Key id");
    }

    @Test
    void theDevelopmentKeyIsAWarningOutsideDevelopmentProfiles(CapturedOutput output) {
        Map<String, String> keys = Map.of(ContactCipher.DEVELOPMENT_KEY_ID, ContactCipher.DEVELOPMENT_KEY);
        cipher(keys, ContactCipher.DEVELOPMENT_KEY_ID, "dev");
        cipher(keys, ContactCipher.DEVELOPMENT_KEY_ID);
        assertThat(output.getOut()).doesNotContain("WARN");

        cipher(keys, ContactCipher.DEVELOPMENT_KEY_ID, "postgres", "keycloak");
        assertThat(output.getOut()).contains("WARN").contains("DEVELOPMENT key under profile(s) postgres,keycloak");

        // The development key material under another id is still the development key.
        cipher(Map.of("prod", ContactCipher.DEVELOPMENT_KEY), "prod", "prod");
        assertThat(output.getOut()).contains("under profile(s) prod");
    }

    @Test
    void theDevelopmentKeyOfTheConfigurationIs256Bits() {
        assertThat(Base64.getDecoder().decode(ContactCipher.DEVELOPMENT_KEY)).hasSize(32);
    }
}
