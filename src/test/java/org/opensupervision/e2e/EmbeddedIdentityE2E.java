package org.opensupervision.e2e;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.opensupervision.reliability.ApplicationProcess;
import org.opensupervision.reliability.ReliabilityDatabase;

/**
 * The scenario with Camunda's own identity and the demo users (password = id): staff log in on the webapps' login
 * form; /engine-rest takes HTTP Basic. PostgreSQL database {@code <postgres.url>_e2e}.
 */
class EmbeddedIdentityE2E extends EndToEndScenario {

    @Override
    String run() {
        return "embedded";
    }

    @Override
    ApplicationProcess startApplication() {
        ReliabilityDatabase database = ReliabilityDatabase.fresh("e2e");
        ApplicationProcess app = ApplicationProcess.configured("e2e-embedded",
                database.applicationProperties(database.url()));
        return app.with("supervision.mail.public-base-url", app.baseUrl())
                .with(EndToEndScenario.NEAR_DEADLINE_WORKING_DAYS, "16").start(Duration.ofMinutes(6));
    }

    @Override
    void logIn(String user) {
        webapps.logInWithCamundaForm(user, user);
    }

    @Override
    String authorization(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }
}
