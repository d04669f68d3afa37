package org.opensupervision.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensupervision.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The published contract of {@code POST /api/approval-events}, as other systems read it without a login: the JSON
 * Schema ({@code /schemas/approval-events.schema.json}, draft 2020-12) takes a good batch and the OpenAPI example and
 * refuses bad ones, names exactly the code's enums, and the OpenAPI document names the path, its example and the
 * batch answer.
 */
class ApprovalEventContractTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MockMvc mvc;

    Schema schema;
    JsonNode schemaDocument;

    @BeforeEach
    void theSchemaAsPublished() throws Exception {
        String text = mvc.perform(get("/schemas/approval-events.schema.json")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        schemaDocument = JSON.readTree(text);
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schemaDocument);
    }

    @Test
    void theSchemaTakesABatchWithEveryEventType() {
        List<Map<String, Object>> events = new ArrayList<>();
        events.add(event("SUBMITTED"));
        events.add(event("ACCEPTED"));
        events.add(with(event("REFUSED_AT_INTAKE"), e -> e.put("reason", "材料不全 / Incomplete")));
        events.add(with(event("CORRECTION_REQUESTED"), e -> e.put("reason", "缺少决议\n/ Resolution missing")));
        events.add(with(event("CORRECTION_RECEIVED"), e -> e.put("channel", "COUNTER")));
        events.add(with(event("SPECIAL_PROCEDURE_STARTED"), e -> e.put("procedure", "HEARING")));
        events.add(with(event("SPECIAL_PROCEDURE_ENDED"), e -> e.put("procedure", "PUBLIC_NOTICE")));
        events.add(with(event("DECIDED"), e -> e.put("decision", "APPROVED")));
        // A refusal without a reason is accepted (and carded), not refused.
        events.add(with(event("DECIDED"), e -> e.put("decision", "REFUSED")));
        events.add(with(event("COMPLETED"), e -> e.put("occurredAt", "2026-03-02T01:30:00.250Z")));
        // Null stands for absent, and unknown fields are ignored, as the platform reads them.
        events.add(with(event("WITHDRAWN"), e -> {
            e.put("reason", null);
            e.put("procedure", null);
            e.put("decision", null);
            e.put("senderSystem", "AMR-e-licensing 3.2");
        }));

        assertThat(errors(Map.of("events", events))).isEmpty();
        assertThat(errors(Map.of("events", List.of()))).isEmpty();
    }

    @Test
    void theSchemaTakesTheExampleOfTheApiDocument() throws Exception {
        JsonNode example = postOperation().path("requestBody").path("content").path("application/json")
                .path("examples").elements().next().path("value");
        assertThat(example.path("events")).hasSize(3);
        assertThat(schema.validate(example)).isEmpty();
    }

    @Test
    void theSchemaRefusesABadBatch() {
        assertThat(errors(Map.of())).as("no events").isNotEmpty();
        assertThat(errors(Map.of("events", java.util.Collections.nCopies(1001, event("SUBMITTED")))))
                .as("1,001 events").isNotEmpty();
        for (String field : List.of("eventId", "caseId", "itemCode", "departmentCode", "type", "occurredAt",
                "channel")) {
            assertThat(errorsOf(with(event("SUBMITTED"), e -> e.remove(field)))).as("without " + field).isNotEmpty();
        }
        assertThat(errorsOf(with(event("SUBMITTED"), e -> e.put("type", "APPROVED")))).isNotEmpty();
        assertThat(errorsOf(with(event("SUBMITTED"), e -> e.put("channel", "MAIL")))).isNotEmpty();
        assertThat(errorsOf(with(event("SUBMITTED"), e -> e.put("occurredAt", "2026-03-02T09:30:00"))))
                .as("a time without offset").isNotEmpty();
        assertThat(errorsOf(with(event("SUBMITTED"), e -> e.put("eventId", "has space")))).isNotEmpty();
        assertThat(errorsOf(with(event("SUBMITTED"), e -> e.put("caseId", "C".repeat(41))))).isNotEmpty();
        assertThat(errorsOf(event("REFUSED_AT_INTAKE"))).as("a refusal at intake without reason").isNotEmpty();
        assertThat(errorsOf(with(event("CORRECTION_REQUESTED"), e -> e.put("reason", " ")))).isNotEmpty();
        assertThat(errorsOf(with(event("ACCEPTED"), e -> e.put("reason", "x".repeat(501))))).isNotEmpty();
        assertThat(errorsOf(with(event("ACCEPTED"), e -> e.put("reason", "bell\u0007")))).isNotEmpty();
        assertThat(errorsOf(event("SPECIAL_PROCEDURE_STARTED"))).as("a procedure without its kind").isNotEmpty();
        assertThat(errorsOf(with(event("SPECIAL_PROCEDURE_STARTED"), e -> e.put("procedure", "AUDIT")))).isNotEmpty();
        assertThat(errorsOf(with(event("ACCEPTED"), e -> e.put("procedure", "HEARING")))).isNotEmpty();
        assertThat(errorsOf(event("DECIDED"))).as("a decision without its outcome").isNotEmpty();
        assertThat(errorsOf(with(event("COMPLETED"), e -> e.put("decision", "APPROVED")))).isNotEmpty();
    }

    @Test
    void theSchemaNamesExactlyTheEnumsOfTheCode() {
        JsonNode fields = schemaDocument.path("$defs").path("event").path("properties");
        assertThat(values(fields.path("type"))).containsExactlyElementsOf(names(ApprovalEventType.values()));
        assertThat(values(fields.path("channel"))).containsExactlyElementsOf(names(Channel.values()));
        assertThat(values(fields.path("procedure"))).containsExactlyElementsOf(names(SpecialProcedure.values()));
        assertThat(values(fields.path("decision"))).containsExactlyElementsOf(names(ApprovalDecision.values()));
        assertThat(schemaDocument.path("properties").path("events").path("maxItems").asInt()).isEqualTo(1000);
    }

    @Test
    void theApiDocumentNamesTheEventContractAndTheBatchAnswer() throws Exception {
        JsonNode post = postOperation();
        assertThat(post.path("description").asText()).contains("/schemas/approval-events.schema.json",
                "WRONG_DEPARTMENT");
        assertThat(post.path("requestBody").toString()).contains("GD-AMR-44000020260302001-1", "CORRECTION_REQUESTED");

        JsonNode answer = post.path("responses").path("200").path("content").path("application/json");
        assertThat(answer.path("examples").toString()).contains("accepted", "duplicates", "rejected");
        JsonNode components = apiDocument().path("components").path("schemas");
        JsonNode result = components.path(schemaName(answer.path("schema")));
        assertThat(result.path("properties").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("accepted", "duplicates", "rejected");
        JsonNode rejected = components.path(schemaName(result.path("properties").path("rejected").path("items")));
        assertThat(rejected.path("properties").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("index", "eventId", "code", "message");
        assertThat(values(rejected.path("properties").path("code"))).containsExactly("INVALID", "UNKNOWN_ITEM",
                "WRONG_DEPARTMENT", "IMPOSSIBLE_TRANSITION");
        assertThat(post.path("responses").has("400")).isTrue();

        JsonNode batch = components.path(schemaName(post.path("requestBody").path("content").path("application/json")
                .path("schema")));
        assertThat(batch.path("properties").path("events").path("maxItems").asInt()).isEqualTo(1000);
        JsonNode event = components.path(schemaName(batch.path("properties").path("events").path("items")));
        assertThat(event.path("required")).extracting(JsonNode::asText).containsExactlyInAnyOrder("eventId",
                "caseId", "itemCode", "departmentCode", "type", "occurredAt", "channel");
    }

    private JsonNode postOperation() throws Exception {
        return apiDocument().path("paths").path("/api/approval-events").path("post");
    }

    private JsonNode apiDocument() throws Exception {
        return JSON.readTree(mvc.perform(get("/api-docs")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    private static String schemaName(JsonNode reference) {
        String ref = reference.path("$ref").asText();
        assertThat(ref).startsWith("#/components/schemas/");
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static List<String> values(JsonNode field) {
        List<String> values = new ArrayList<>();
        field.path("enum").forEach(v -> {
            if (!v.isNull()) {
                values.add(v.asText());
            }
        });
        return values;
    }

    private static List<String> names(Enum<?>[] constants) {
        return Arrays.stream(constants).map(Enum::name).toList();
    }

    private static Map<String, Object> event(String type) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("eventId", "GD-AMR-44000020260302001-" + type);
        e.put("caseId", "44000020260302001");
        e.put("itemCode", "GD-AMR-005");
        e.put("departmentCode", "GD-AMR");
        e.put("type", type);
        e.put("occurredAt", "2026-03-02T09:30:00+08:00");
        e.put("channel", "ONLINE");
        return e;
    }

    private static Map<String, Object> with(Map<String, Object> event, Consumer<Map<String, Object>> change) {
        change.accept(event);
        return event;
    }

    private List<Error> errorsOf(Map<String, Object> event) {
        return errors(Map.of("events", List.of(event)));
    }

    private List<Error> errors(Map<String, ?> batch) {
        ObjectNode node = JSON.valueToTree(batch);
        return schema.validate(node);
    }
}
