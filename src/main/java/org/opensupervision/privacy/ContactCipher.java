package org.opensupervision.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Encrypts complainants' contact data for storage: AES-256-GCM, a fresh random 96-bit nonce per value, the key id
 * authenticated with the value. A stored value reads {@code gcm:<keyId>:<base64(nonce || ciphertext || tag)>}, so
 * values written under an older key stay readable after the active key changes.
 */
@Component
public class ContactCipher {

    /** The development key of {@code application.yml}: public, so never to protect real data. */
    static final String DEVELOPMENT_KEY_ID = "development-only";
    static final String DEVELOPMENT_KEY = "ZGV2LW9ubHkta2V5LW5ldmVyLXVzZS1mb3ItcmVhbCE=";

    private static final Logger log = LoggerFactory.getLogger(ContactCipher.class);
    private static final String PREFIX = "gcm:";
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, SecretKey> keys = new HashMap<>();
    private final String activeKeyId;
    private final SecureRandom random = new SecureRandom();

    ContactCipher(PrivacyProperties properties, Environment environment) {
        properties.keys().forEach((id, encoded) -> keys.put(id, decodeKey(id, encoded)));
        if (!keys.containsKey(properties.activeKey())) {
            throw new IllegalStateException("supervision.privacy.active-key names " + properties.activeKey()
                    + ", which is not among supervision.privacy.keys");
        }
        this.activeKeyId = properties.activeKey();
        warnAboutTheDevelopmentKey(properties, environment);
    }

    /** The stored form of {@code plain} under the active key; null stays null. */
    public String encrypt(String plain) {
        if (plain == null) {
            return null;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, activeKeyId, nonce, plain.getBytes(StandardCharsets.UTF_8));
        byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
        return PREFIX + activeKeyId + ":" + Base64.getEncoder().encodeToString(out);
    }

    /**
     * The plain value of a stored one. A value without the {@code gcm:} prefix was written before encryption was
     * introduced and is returned as it is, until {@link ContactReEncryption} encrypts it.
     *
     * @throws IllegalStateException if the key is unknown or the value was tampered with
     */
    public String decrypt(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        int colon = stored.indexOf(':', PREFIX.length());
        if (colon < 0) {
            throw new IllegalStateException("Malformed encrypted value");
        }
        String keyId = stored.substring(PREFIX.length(), colon);
        byte[] in = Base64.getDecoder().decode(stored.substring(colon + 1));
        if (in.length < NONCE_BYTES) {
            throw new IllegalStateException("Malformed encrypted value");
        }
        byte[] nonce = Arrays.copyOf(in, NONCE_BYTES);
        byte[] sealed = Arrays.copyOfRange(in, NONCE_BYTES, in.length);
        return new String(run(Cipher.DECRYPT_MODE, keyId, nonce, sealed), StandardCharsets.UTF_8);
    }

    /** Whether a stored value is already encrypted with the active key (null counts as nothing to do). */
    public boolean isUnderActiveKey(String stored) {
        return stored == null || stored.startsWith(PREFIX + activeKeyId + ":");
    }

    /** The id of the key new values are encrypted with. */
    public String activeKeyId() {
        return activeKeyId;
    }

    private byte[] run(int mode, String keyId, byte[] nonce, byte[] input) {
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("A value is encrypted with key " + keyId
                    + ", which is not configured (supervision.privacy.keys." + keyId + ")");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            // The key id is authenticated: a value cannot be passed off as one of another key.
            cipher.updateAAD(keyId.getBytes(StandardCharsets.US_ASCII));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("Contact data could not be " + (mode == Cipher.ENCRYPT_MODE
                    ? "encrypted" : "decrypted (wrong key or tampered value)") + " with key " + keyId, ex);
        }
    }

    private static SecretKey decodeKey(String id, String encoded) {
        if (!KEY_ID.matcher(id).matches()) {
            throw new IllegalStateException("Key id " + id + " must be 1 to 40 letters, digits, - or _");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encoded == null ? "" : encoded.trim());
        } catch (IllegalArgumentException ex) {
            throw new IllegalStateException("supervision.privacy.keys." + id + " is not base64", ex);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("supervision.privacy.keys." + id + " must be 256 bits (32 bytes), not "
                    + bytes.length * 8);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    private static void warnAboutTheDevelopmentKey(PrivacyProperties properties, Environment environment) {
        String active = properties.activeKey();
        boolean developmentKey = DEVELOPMENT_KEY_ID.equals(active)
                || DEVELOPMENT_KEY.equals(properties.keys().get(active).trim());
        if (!developmentKey) {
            return;
        }
        boolean developmentProfile = Arrays.stream(environment.getActiveProfiles())
                .allMatch(p -> p.equals("dev") || p.equals("test"));
        if (developmentProfile) {
            log.info("Contact data is encrypted with the public development key (fine for development only)");
        } else {
            log.warn("Contact data is encrypted with the public DEVELOPMENT key under profile(s) {}: set "
                    + "SUPERVISION_PRIVACY_KEYS_<ID> and SUPERVISION_PRIVACY_ACTIVE_KEY before storing real complaints",
                    String.join(",", environment.getActiveProfiles()));
        }
    }
}
