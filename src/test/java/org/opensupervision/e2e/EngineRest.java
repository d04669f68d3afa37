package org.opensupervision.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code /engine-rest} as one person: the steps of a case that are not the subject of the browser test (the
 * redirected department's reply, the office's approval of it) are done here, as the user whose task it is, with the
 * same authorizations and form checks as in Tasklist. {@code authorization} gives the header for a user: HTTP Basic
 * on the embedded identity, a Keycloak access token under the {@code keycloak} profile.
 */
final class EngineRest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final Function<String, String> authorization;

    EngineRest(String applicationUrl, Function<String, String> authorization) {
        this.base = applicationUrl + "/engine-rest";
        this.authorization = authorization;
    }

    /** The process instance of a complaint, by its business key (the tracking number). */
    String processInstanceId(String user, String trackingNumber) {
        JsonNode found = await(() -> {
            JsonNode list = get(user, "/process-instance?processDefinitionKey=complaint-handling&businessKey="
                    + URLEncoder.encode(trackingNumber, StandardCharsets.UTF_8));
            return list.isArray() && list.size() == 1 ? list.get(0) : null;
        }, "the process instance of " + trackingNumber);
        return found.get("id").asText();
    }

    /** The open task of this definition key in the instance, once the engine has created it. */
    JsonNode openTask(String user, String processInstanceId, String taskDefinitionKey) {
        return await(() -> {
            JsonNode list = get(user, "/task?processInstanceId=" + processInstanceId + "&taskDefinitionKey="
                    + taskDefinitionKey);
            return list.isArray() && list.size() == 1 ? list.get(0) : null;
        }, "task " + taskDefinitionKey + " of " + processInstanceId + " for " + user);
    }

    boolean isOpen(String user, String processInstanceId, String taskDefinitionKey) {
        JsonNode list = get(user, "/task?processInstanceId=" + processInstanceId + "&taskDefinitionKey="
                + taskDefinitionKey);
        return list.isArray() && !list.isEmpty();
    }

    /** Who the (completed) task of this definition key in the instance was assigned to. */
    String historicAssignee(String user, String processInstanceId, String taskDefinitionKey) {
        JsonNode list = get(user, "/history/task?processInstanceId=" + processInstanceId + "&taskDefinitionKey="
                + taskDefinitionKey + "&finished=true");
        return list.isArray() && list.size() == 1 ? list.get(0).path("assignee").asText(null) : null;
    }

    /** A process variable's value as text, read as this user. */
    String variable(String user, String processInstanceId, String name) {
        JsonNode variable = get(user, "/process-instance/" + processInstanceId + "/variables/" + name);
        return variable.path("value").asText(null);
    }

    /** Submits the task's form with these fields as the user, without claiming it first (completing claims it). */
    void complete(String user, JsonNode task, Map<String, Object> fields) {
        String id = task.get("id").asText();
        Map<String, Object> variables = new LinkedHashMap<>();
        fields.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        post(user, "/task/" + id + "/submit-form", Map.of("variables", variables), 204);
    }

    private JsonNode get(String user, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization.apply(user)).header("Accept", "application/json").GET().build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " as " + user + ": " + response.statusCode() + " "
                    + response.body());
        }
        return read(response.body());
    }

    private void post(String user, String path, Object body, int expected) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", authorization.apply(user)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
            HttpResponse<String> response = send(request);
            if (response.statusCode() != expected) {
                throw new IllegalStateException("POST " + path + " as " + user + ": " + response.statusCode() + " "
                        + response.body());
            }
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException ex) {
            throw new IllegalStateException(request.uri() + ": " + ex, ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException ex) {
            throw new IllegalStateException(body, ex);
        }
    }

    static <T> T await(java.util.function.Supplier<T> probe, String what) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            Browser.pause(Duration.ofMillis(500));
        }
        throw new AssertionError("Waited 60 s for " + what);
    }
}
