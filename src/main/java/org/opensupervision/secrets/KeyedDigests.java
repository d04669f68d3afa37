package org.opensupervision.secrets;

import java.util.EnumMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The HMACs of the application, one per named key ({@link HmacKey}): the audit chain, the rating links, the access
 * codes. The modules ask for theirs by name instead of each setting up a {@code Mac} from a secret of its own.
 * {@code SecretSettings} has checked the keys before the start (outside {@code dev} and {@code test}: no public
 * default, at least 32 bytes); here each must at least be set and 16 characters long in every profile.
 */
@Component
public class KeyedDigests {

    static final int MINIMUM_CHARACTERS = 16;

    private final Map<HmacKey, KeyedDigest> digests = new EnumMap<>(HmacKey.class);

    @Autowired
    KeyedDigests(Environment environment) {
        this(secretsOf(environment));
    }

    private KeyedDigests(Map<HmacKey, String> secrets) {
        secrets.forEach((key, secret) -> {
            if (secret == null || secret.length() < MINIMUM_CHARACTERS) {
                throw new IllegalStateException(key.property() + " must have at least " + MINIMUM_CHARACTERS
                        + " characters");
            }
            digests.put(key, new KeyedDigest(key.property(), secret));
        });
    }

    /** Digests over the given secrets, for tests and tools that run without the application's configuration. */
    public static KeyedDigests withSecrets(Map<HmacKey, String> secrets) {
        return new KeyedDigests(secrets);
    }

    /** One key's digest, for a test or tool that needs only that one. */
    public static KeyedDigest digest(HmacKey key, String secret) {
        return withSecrets(Map.of(key, secret)).of(key);
    }

    /**
     * The HMAC under a named key.
     *
     * @throws IllegalStateException if the key is not configured
     */
    public KeyedDigest of(HmacKey key) {
        KeyedDigest digest = digests.get(key);
        if (digest == null) {
            throw new IllegalStateException(key.property() + " is not set");
        }
        return digest;
    }

    private static Map<HmacKey, String> secretsOf(Environment environment) {
        Map<HmacKey, String> secrets = new EnumMap<>(HmacKey.class);
        for (HmacKey key : HmacKey.values()) {
            secrets.put(key, environment.getProperty(key.property()));
        }
        return secrets;
    }
}
