package org.opensupervision.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Sends approval events the way a department's system does: JSON batches over HTTP Basic as its machine user. */
public final class ApprovalEvents {

    private static final AtomicLong IDS = new AtomicLong();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MockMvc mvc;
    private final List<Map<String, Object>> batch = new ArrayList<>();

    ApprovalEvents(MockMvc mvc) {
        this.mvc = mvc;
    }

    /**
     * The batch of a case submitted, accepted and refused on {@code day} ({@code yyyy-MM-dd}, China Standard Time)
     * with no reason given: a red card at once. For tests that send it over real HTTP.
     */
    public static String refusedWithoutReason(String caseId, String itemCode, String departmentCode, String day) {
        return """
                {"events":[
                 {"eventId":"%1$s-1","caseId":"%1$s","itemCode":"%2$s","departmentCode":"%3$s","type":"SUBMITTED",
                  "occurredAt":"%4$sT08:00:00+08:00","channel":"ONLINE"},
                 {"eventId":"%1$s-2","caseId":"%1$s","itemCode":"%2$s","departmentCode":"%3$s","type":"ACCEPTED",
                  "occurredAt":"%4$sT08:30:00+08:00","channel":"ONLINE"},
                 {"eventId":"%1$s-3","caseId":"%1$s","itemCode":"%2$s","departmentCode":"%3$s","type":"DECIDED",
                  "occurredAt":"%4$sT09:00:00+08:00","channel":"ONLINE","decision":"REFUSED"}]}"""
                .formatted(caseId, itemCode, departmentCode, day);
    }

    /**
     * Sends {@link #refusedWithoutReason} over real HTTP as the department's machine user ({@code baseUrl} of the
     * running application) and reads the red card back as the supervision office; returns the card's id.
     */
    public static long redCardOverHttp(HttpClient http, String baseUrl, String caseId, String itemCode,
                                       String departmentCode, String day) throws Exception {
        String events = refusedWithoutReason(caseId, itemCode, departmentCode, day);
        HttpResponse<String> sent = http.send(HttpRequest.newBuilder(
                        URI.create(baseUrl + "/api/approval-events"))
                .header("Content-Type", "application/json")
                .header("Authorization", basic("system-" + departmentCode.toLowerCase()))
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(events)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(JSON.readTree(sent.body()).path("accepted").asInt())
                .as(sent.body()).isEqualTo(3);
        HttpResponse<String> view = http.send(HttpRequest.newBuilder(
                        URI.create(baseUrl + "/api/approval-cases/" + caseId))
                .header("Authorization", basic("supervisor")).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        long card = JSON.readTree(view.body()).path("cards").path(0).path("id").asLong();
        assertThat(card).as(view.body()).isPositive();
        return card;
    }

    /** HTTP Basic of a demo user, whose password is its name. */
    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** A case id no other test uses. */
    static String newCaseId(String prefix) {
        return prefix + System.nanoTime() % 1_000_000_000L + "-" + IDS.incrementAndGet();
    }

    /** Adds an event of the case to the batch (department from the item code), returning it to add more fields. */
    Map<String, Object> add(String caseId, String itemCode, String type, String occurredAt, String channel) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("eventId", "E-" + caseId + "-" + IDS.incrementAndGet());
        e.put("caseId", caseId);
        e.put("itemCode", itemCode);
        e.put("departmentCode", itemCode.substring(0, itemCode.lastIndexOf('-')));
        e.put("type", type);
        e.put("occurredAt", occurredAt);
        e.put("channel", channel);
        batch.add(e);
        return e;
    }

    ApprovalEvents with(String caseId, String itemCode, String type, String occurredAt) {
        add(caseId, itemCode, type, occurredAt, "ONLINE");
        return this;
    }

    List<Map<String, Object>> batch() {
        return batch;
    }

    /** Sends the batch as the machine user of {@code department} and clears it. */
    JsonNode send(String department) throws Exception {
        MvcResult result = sendRaw(department, JSON.writeValueAsString(Map.of("events", batch)));
        batch.clear();
        return JSON.readTree(result.getResponse().getContentAsString());
    }

    MvcResult sendRaw(String department, String body) throws Exception {
        String user = "system-" + department.toLowerCase();
        return mvc.perform(post("/api/approval-events").with(httpBasic(user, user))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
    }
}
