package org.opensupervision.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.opensupervision.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The engine's REST API is never open to anonymous callers: checked over real HTTP, since Camunda's authentication
 * filter is a servlet filter of the embedded server.
 */
class EngineRestSecurityTest extends IntegrationTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> get(String path, String user, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anonymousCallsToTheEngineRestApiAreRefused() throws Exception {
        assertThat(get("/engine-rest/process-definition", null, null).statusCode()).isEqualTo(401);
        assertThat(get("/engine-rest/task", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void wrongCredentialsAreRefused() throws Exception {
        assertThat(get("/engine-rest/task", "evaluator", "not-the-password").statusCode()).isEqualTo(401);
    }

    @Test
    void aDemoUserReachesTheEngineRestApiWithHttpBasic() throws Exception {
        HttpResponse<String> response = get("/engine-rest/process-definition?key=complaint-handling", "demo", "demo");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"key\":\"complaint-handling\"");
    }

    @Test
    void theWebappsAndThePublicPageAreServed() throws Exception {
        assertThat(get("/camunda/app/tasklist/default/", null, null).statusCode()).isEqualTo(200);
        assertThat(get("/complaints/new", null, null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health", null, null).body()).contains("\"status\":\"UP\"");
    }
}
