package org.opensupervision.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opensupervision.SupervisionApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.env.MockEnvironment;

/**
 * Outside the dev and test profiles the application does not start on the public defaults of application.yml or on
 * short secrets, and says which setting to change and how.
 */
class SecretSettingsTest {

    static final String GOOD_TEXT = "a-secret-of-forty-bytes-or-so-0123456789";
    static final String GOOD_KEY = "oaC6teZEauPC02etB08jHmDOE9WUNYRXm86cVgWWWTI=";

    /**
     * Starts the real application with its real configuration files, the given profile and settings, and nothing
     * from the surefire JVM's system properties (which name the test profile) or the environment.
     */
    private static Throwable start(String profile, Map<String, Object> settings) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new MapPropertySource("settings", settings));
        if (profile != null) {
            environment.setActiveProfiles(profile);
        }
        SpringApplication application = new SpringApplication(SupervisionApplication.class);
        application.setEnvironment(environment);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setLogStartupInfo(false);
        try {
            application.run().close();
            return null;
        } catch (RuntimeException ex) {
            return ex;
        }
    }

    @Test
    void withoutAProfileTheShippedDefaultsStopTheStartNamingEverySecret() {
        WeakSecretsException refused = catchThrowableOfType(WeakSecretsException.class,
                () -> { throw start(null, Map.of()); });

        assertThat(refused.secrets()).extracting(WeakSecret::property).containsExactly(
                "supervision.audit.chain-key", "supervision.rating.link-secret",
                "supervision.intake.access-code-secret", "supervision.privacy.keys.development-only");
        assertThat(refused.getMessage()).contains("SUPERVISION_AUDIT_CHAIN_KEY", "SUPERVISION_RATING_LINK_SECRET",
                "SUPERVISION_ACCESS_CODE_SECRET", "SUPERVISION_PRIVACY_ACTIVE_KEY",
                "openssl rand -base64 48", "openssl rand -base64 32", "the public default of this repository");
    }

    @Test
    void underAProductionProfileAShortSecretStopsTheStartAndTheOthersPass() {
        WeakSecretsException refused = catchThrowableOfType(WeakSecretsException.class, () -> {
            throw start("postgres", Map.of("supervision.audit.chain-key", "twenty-bytes-only-xy",
                    "supervision.rating.link-secret", GOOD_TEXT, "supervision.intake.access-code-secret", GOOD_TEXT,
                    "supervision.privacy.keys.k1", GOOD_KEY, "supervision.privacy.active-key", "k1"));
        });

        assertThat(refused.secrets()).singleElement().satisfies(secret -> {
            assertThat(secret.property()).isEqualTo("supervision.audit.chain-key");
            assertThat(secret.problem()).isEqualTo("20 bytes, at least 32 needed");
        });
    }

    @Test
    void theKeycloakClientSecretIsCheckedWithTheKeycloakProfileAndAnOldKeyMayStayForReEncryption() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("supervision.audit.chain-key", GOOD_TEXT)
                .withProperty("supervision.rating.link-secret", GOOD_TEXT)
                .withProperty("supervision.intake.access-code-secret", GOOD_TEXT)
                .withProperty("supervision.keycloak.client-secret", "dev-only-supervision-app-secret")
                .withProperty("supervision.privacy.keys.development-only",
                        "ZGV2LW9ubHkta2V5LW5ldmVyLXVzZS1mb3ItcmVhbCE=")
                .withProperty("supervision.privacy.keys.k2027a", GOOD_KEY)
                .withProperty("supervision.privacy.active-key", "k2027a");

        assertThat(SecretSettings.weakSecrets(environment)).extracting(WeakSecret::property)
                .containsExactly("supervision.keycloak.client-secret");
    }

    @Test
    void theDevAndTestProfilesMayRunOnTheDevelopmentSecrets() {
        for (String profile : new String[] {"dev", "test"}) {
            MockEnvironment environment = new MockEnvironment()
                    .withProperty("supervision.audit.chain-key", "dev-only-audit-chain-key-change-me");
            environment.setActiveProfiles(profile);
            assertThatNoException().isThrownBy(() -> new SecretSettings(destination -> destination.get())
                    .postProcessEnvironment(environment, new SpringApplication()));
        }
        // The profile spring-boot:run sets as the default one (pom.xml) counts as well.
        MockEnvironment byDefault = new MockEnvironment();
        byDefault.setDefaultProfiles("dev");
        assertThatNoException().isThrownBy(() -> new SecretSettings(destination -> destination.get())
                .postProcessEnvironment(byDefault, new SpringApplication()));
    }

    @Test
    void theFailureReportNamesTheSettingsAndHowToMakeThem() {
        WeakSecretsException refused = new WeakSecretsException(java.util.List.of(new WeakSecret(
                "supervision.rating.link-secret", "SUPERVISION_RATING_LINK_SECRET", "not set",
                "SUPERVISION_RATING_LINK_SECRET=$(openssl rand -base64 48)")));

        FailureAnalysis analysis = new WeakSecretsFailureAnalyzer().analyze(new IllegalStateException(refused));

        assertThat(analysis.getDescription()).contains("supervision.rating.link-secret (SUPERVISION_RATING_LINK_SECRET)"
                + ": not set");
        assertThat(analysis.getAction()).contains("export SUPERVISION_RATING_LINK_SECRET=$(openssl rand -base64 48)",
                "docker/generate-secrets.sh", "dev profile");
    }
}
