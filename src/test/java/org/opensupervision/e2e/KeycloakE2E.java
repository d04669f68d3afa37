package org.opensupervision.e2e;

import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.By;
import org.opensupervision.identity.KeycloakTestServer;
import org.opensupervision.reliability.ApplicationProcess;
import org.opensupervision.reliability.ReliabilityDatabase;

/**
 * The scenario with the {@code keycloak} profile and a real Keycloak (realm {@code keycloak/realm-export.json}, users
 * with password = id): staff log in on Keycloak's login page; /engine-rest takes Keycloak access tokens (the realm's
 * CLI client, password grant). The application runs without the dev or test profile, so the realm gets a client
 * secret of this run's own. PostgreSQL database {@code <postgres.url>_e2e_kc}. Off with -Dkeycloak.skip=true.
 */
class KeycloakE2E extends EndToEndScenario {

    private KeycloakTestServer keycloak;
    private final Map<String, Token> tokens = new HashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private record Token(String value, Instant fetched) {
    }

    @Override
    String run() {
        return "keycloak";
    }

    @Override
    ApplicationProcess startApplication() {
        assumeFalse(Boolean.getBoolean("e2e.keycloak.skip"), "-Dkeycloak.skip=true: no Keycloak run");
        byte[] random = new byte[33];
        new SecureRandom().nextBytes(random);
        String clientSecret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        System.setProperty("keycloak.app-client-secret", clientSecret);
        keycloak = KeycloakTestServer.started();
        ReliabilityDatabase database = ReliabilityDatabase.fresh("e2e_kc");
        ApplicationProcess app = ApplicationProcess.configured("e2e-keycloak",
                database.applicationProperties(database.url()));
        return app.with("spring.profiles.active", "postgres,keycloak")
                .with("supervision.keycloak.url", keycloak.url())
                .with("supervision.keycloak.client-secret", clientSecret)
                .with("supervision.mail.public-base-url", app.baseUrl())
                .with(EndToEndScenario.NEAR_DEADLINE_WORKING_DAYS, "16")
                .start(Duration.ofMinutes(6));
    }

    @Override
    void logIn(String user) {
        browser.open(webapps.tasklistUrl());
        browser.await(d -> d.getCurrentUrl().startsWith(keycloak.url()) ? true : null, "Keycloak's login page");
        browser.type(By.id("username"), user);
        browser.type(By.id("password"), user);
        if (user.equals(HANDLER)) {
            browser.screenshot("keycloak-login");
        }
        browser.click(By.id("kc-login"));
        webapps.awaitTasklist();
    }

    @Override
    String authorization(String user) {
        Token token = tokens.get(user);
        if (token == null || token.fetched().isBefore(Instant.now().minusSeconds(200))) {
            token = new Token(fetchToken(user), Instant.now());
            tokens.put(user, token);
        }
        return "Bearer " + token.value();
    }

    private String fetchToken(String user) {
        String form = "grant_type=password&client_id=supervision-cli&scope=openid&username="
                + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(user, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(keycloak.url() + "/realms/" + KeycloakTestServer.REALM
                        + "/protocol/openid-connect/token")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Token for " + user + ": " + response.statusCode() + " "
                        + response.body());
            }
            return new ObjectMapper().readTree(response.body()).get("access_token").asText();
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
