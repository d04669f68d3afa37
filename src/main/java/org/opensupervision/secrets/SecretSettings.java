package org.opensupervision.secrets;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Checks every secret of {@code supervision.*} before anything starts. The embedded default ships public development
 * values, so that {@code ./mvnw spring-boot:run} needs no setup; with them an audit chain could be rewritten and still
 * verify, a rating link or an access code forged, contact data decrypted. So outside the {@code dev} and {@code test}
 * profiles a secret that is a shipped default or shorter than 32 bytes stops the start, naming the setting and how to
 * make one. {@code spring-boot:run} makes {@code dev} the default profile (pom.xml); {@code java -jar} and the image
 * do not, whatever the database.
 */
class SecretSettings implements EnvironmentPostProcessor, Ordered {

    static final int MINIMUM_BYTES = 32;
    static final Profiles DEVELOPMENT = Profiles.of("dev | test");

    /** Values published in this repository: application.yml's defaults and the former compose trial defaults. */
    static final Set<String> PUBLIC_VALUES = Set.of(
            "dev-only-access-code-secret-change-me", "dev-only-audit-chain-key-change-me",
            "dev-only-rating-link-secret-change-me", "dev-only-supervision-app-secret",
            "compose-only-access-code-secret-change-me", "compose-only-audit-chain-key-change-me",
            "compose-only-rating-link-secret-change-me",
            "ZGV2LW9ubHkta2V5LW5ldmVyLXVzZS1mb3ItcmVhbCE=", "Y29tcG9zZS10cmlhbC1rZXktbmV2ZXItZm9yLXJlYWw=");
    static final String DEVELOPMENT_KEY_ID = "development-only";

    private static final String TEXT_SECRET = "$(openssl rand -base64 48)";

    private final Log log;

    SecretSettings(DeferredLogFactory logs) {
        this.log = logs.getLog(SecretSettings.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        List<WeakSecret> weak = weakSecrets(environment);
        if (weak.isEmpty()) {
            return;
        }
        if (environment.acceptsProfiles(DEVELOPMENT)) {
            log.warn("Public development secrets in use (fine for the dev and test profiles only, refused under any "
                    + "other): " + String.join(", ", weak.stream().map(WeakSecret::property).toList()));
            return;
        }
        throw new WeakSecretsException(weak);
    }

    /** The secrets that are shipped defaults or too short, in the order an operator would set them. */
    static List<WeakSecret> weakSecrets(ConfigurableEnvironment environment) {
        List<WeakSecret> weak = new ArrayList<>();
        for (HmacKey key : HmacKey.values()) {
            text(environment, key.property(), key.environmentVariable(), weak);
        }
        // Only with the keycloak profile: the secret of the client the application logs in with.
        if (environment.containsProperty("supervision.keycloak.client-secret")) {
            text(environment, "supervision.keycloak.client-secret", "KEYCLOAK_CLIENT_SECRET", weak);
        }
        privacyKey(environment, weak);
        return weak;
    }

    private static void text(ConfigurableEnvironment environment, String property, String variable,
                             List<WeakSecret> weak) {
        String value = environment.getProperty(property, "");
        String how = variable + "=" + TEXT_SECRET;
        if (PUBLIC_VALUES.contains(value.strip())) {
            weak.add(new WeakSecret(property, variable, "the public default of this repository", how));
        } else if (value.getBytes(StandardCharsets.UTF_8).length < MINIMUM_BYTES) {
            weak.add(new WeakSecret(property, variable, value.isEmpty() ? "not set"
                    : value.getBytes(StandardCharsets.UTF_8).length + " bytes, at least " + MINIMUM_BYTES
                            + " needed", how));
        }
    }

    /** The active contact-data key: keys that only decrypt old values may stay (to re-encrypt away from them). */
    private static void privacyKey(ConfigurableEnvironment environment, List<WeakSecret> weak) {
        String active = environment.getProperty("supervision.privacy.active-key", "");
        String property = "supervision.privacy.keys." + active;
        String variable = "SUPERVISION_PRIVACY_ACTIVE_KEY names it, SUPERVISION_PRIVACY_KEYS_<ID> holds it";
        String how = "SUPERVISION_PRIVACY_KEYS_K1=$(openssl rand -base64 32) SUPERVISION_PRIVACY_ACTIVE_KEY=k1";
        String value = environment.getProperty(property, "").strip();
        if (DEVELOPMENT_KEY_ID.equals(active) || PUBLIC_VALUES.contains(value)) {
            weak.add(new WeakSecret(property, variable, "the public development key of this repository", how));
        } else if (decodedLength(value) != MINIMUM_BYTES) {
            weak.add(new WeakSecret(property, variable, "not a base64 key of 32 random bytes", how));
        }
    }

    private static int decodedLength(String base64) {
        try {
            return Base64.getDecoder().decode(base64).length;
        } catch (IllegalArgumentException ex) {
            return -1;
        }
    }

    /** After the configuration files and profiles are read. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
