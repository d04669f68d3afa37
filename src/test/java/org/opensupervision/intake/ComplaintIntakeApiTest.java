package org.opensupervision.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.opensupervision.IntegrationTest;
import org.opensupervision.complaint.ComplaintFacts;
import org.opensupervision.complaint.ComplaintRecords;
import org.opensupervision.handling.CaseDriver;
import org.opensupervision.privacy.ComplainantContacts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ComplaintIntakeApiTest extends IntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ComplaintRecords records;
    @Autowired
    ComplainantContacts contacts;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    AccessCodes accessCodes;
    @Autowired
    ComplaintIntake intake;
    @Autowired
    TransactionTemplate transaction;

    private static Map<String, Object> validComplaint() {
        return Map.of(
                "departmentCode", "GD-AMR",
                "category", "SLOW_ACTION",
                "title", "食品经营许可证超期未发",
                "description", "4月1日网上申请食品经营许可，承诺10个工作日办结，至今未发证。",
                "approvalCaseNumber", "44000020260401017",
                "incidentDate", "2026-04-01",
                "anonymous", false,
                "contact", Map.of("name", "李四", "phone", "13912345678", "email", "lisi@example.com"));
    }

    private MvcResult submit(Object body, String idempotencyKey) throws Exception {
        var request = post("/api/complaints").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return mvc.perform(request).andReturn();
    }

    private int complaintCount() {
        return jdbc.queryForObject("select count(*) from complaint", Integer.class);
    }

    @Test
    void aValidComplaintIsAcceptedWithTrackingNumberAccessCodeAndFirstFeedbackDeadline() throws Exception {
        Instant before = Instant.now();
        MvcResult result = submit(validComplaint(), null);

        assertThat(result.getResponse().getStatus()).isEqualTo(201);
        JsonNode body = json.readTree(result.getResponse().getContentAsString());
        String trackingNumber = body.get("trackingNumber").asText();
        assertThat(trackingNumber).matches("TS\\d{8}-[2-9A-Z]{6}");
        assertThat(body.get("accessCode").asText()).hasSize(10).isEqualTo(accessCodes.codeFor(trackingNumber));
        Instant due = Instant.parse(body.get("firstFeedbackDueAt").asText());
        assertThat(Duration.between(before, due)).isBetween(Duration.ofHours(24).minusSeconds(1),
                Duration.ofHours(24).plusSeconds(30));
        assertThat(result.getResponse().getHeader("Location")).isEqualTo("/api/complaints/" + trackingNumber);

        assertThat(contacts.mailAddressOf(trackingNumber)).contains("lisi@example.com");
        assertThat(records.find(trackingNumber).orElseThrow().processInstanceId()).isNotNull();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(trackingNumber).count())
                .isEqualTo(1);
    }

    @Test
    void anAcceptedComplaintIsOnDiskBeforeItsProcessStartsAndIsRoutedRightAfterTheCommit() {
        // The request's transaction only stores the complaint: what a crash right after answering leaves behind.
        String trackingNumber = transaction.execute(tx -> {
            String filed = intake.submit(CaseDriver.submission("GD-AMR", "SLOW_ACTION", "lisi@example.com"), null)
                    .trackingNumber();
            assertThat(jdbc.queryForObject("select status from complaint where tracking_number = ?", String.class,
                    filed)).isEqualTo("SUBMITTED");
            assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(filed).count()).isZero();
            return filed;
        });

        // After the commit the starter started and routed it in a transaction of its own: no routing job is left.
        ComplaintFacts complaint = records.find(trackingNumber).orElseThrow();
        assertThat(complaint.routedAt()).isNotNull();
        assertThat(management.createJobQuery().processInstanceId(complaint.processInstanceId()).messages().count())
                .isZero();
    }

    @Test
    void anAnonymousComplaintNeedsNoContactAndStoresNone() throws Exception {
        var body = new java.util.HashMap<>(validComplaint());
        body.put("anonymous", true);
        body.put("contact", Map.of("name", "不该保存", "phone", "abc"));

        MvcResult result = submit(body, null);

        assertThat(result.getResponse().getStatus()).isEqualTo(201);
        String trackingNumber = json.readTree(result.getResponse().getContentAsString()).get("trackingNumber")
                .asText();
        assertThat(records.find(trackingNumber).orElseThrow().anonymous()).isTrue();
        assertThat(jdbc.queryForMap("select contact_name, contact_phone, contact_email from complaint where "
                + "tracking_number = ?", trackingNumber)).allSatisfy((column, value) -> assertThat(value).isNull());
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheSameComplaintAndStoresNoSecond() throws Exception {
        int before = complaintCount();
        MvcResult first = submit(validComplaint(), "retry-key-0001");
        MvcResult second = submit(validComplaint(), "retry-key-0001");

        assertThat(second.getResponse().getStatus()).isEqualTo(201);
        assertThat(second.getResponse().getContentAsString()).isEqualTo(first.getResponse().getContentAsString());
        assertThat(first.getResponse().getHeader("Idempotent-Replayed")).isEqualTo("false");
        assertThat(second.getResponse().getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(complaintCount()).isEqualTo(before + 1);
    }

    @Test
    void concurrentRequestsWithTheSameIdempotencyKeyFileOneComplaintAndAllGetIt() throws Exception {
        int before = complaintCount();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        List<String> bodies = new java.util.ArrayList<>();
        try {
            List<java.util.concurrent.Future<MvcResult>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(() -> submit(validComplaint(), "race-key-0001")));
            }
            for (var result : results) {
                MvcResult r = result.get();
                assertThat(r.getResponse().getStatus()).isEqualTo(201);
                bodies.add(r.getResponse().getContentAsString());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(bodies).hasSize(4).allSatisfy(b -> assertThat(b).isEqualTo(bodies.get(0)));
        assertThat(complaintCount()).isEqualTo(before + 1);
    }

    @Test
    void theSameIdempotencyKeyWithADifferentComplaintIsRefused() throws Exception {
        submit(validComplaint(), "retry-key-0002");
        var other = new java.util.HashMap<>(validComplaint());
        other.put("title", "另一件投诉");
        int before = complaintCount();

        MvcResult result = submit(other, "retry-key-0002");

        assertThat(result.getResponse().getStatus()).isEqualTo(422);
        assertThat(json.readTree(result.getResponse().getContentAsString()).get("type").asText())
                .isEqualTo("urn:opensupervision:problem:idempotency-key-reused");
        assertThat(complaintCount()).isEqualTo(before);
    }

    @Test
    void everyInvalidFieldIsNamedInProblemDetailsAndNothingIsStored() throws Exception {
        int before = complaintCount();
        long instances = runtime.createProcessInstanceQuery().count();
        Map<String, Object> bad = Map.of(
                "departmentCode", "GD-NOPE",
                "category", "LAZY",
                "title", "",
                "description", "x".repeat(5001),
                "approvalCaseNumber", "有空格 的编号",
                "incidentDate", "2026-13-45",
                "anonymous", false,
                "contact", Map.of("name", "", "phone", "12", "email", "not-an-address"));

        MvcResult result = mvc.perform(post("/api/complaints").contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "en").content(json.writeValueAsString(bad)))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.type").value("urn:opensupervision:problem:validation-failed"))
                .andExpect(jsonPath("$.status").value(400))
                .andReturn();

        JsonNode errors = json.readTree(result.getResponse().getContentAsString()).get("errors");
        List<String> fields = errors.findValuesAsText("field");
        assertThat(fields).containsExactlyInAnyOrder("departmentCode", "category", "title", "description",
                "approvalCaseNumber", "incidentDate", "contact.name", "contact.phone", "contact.email");
        assertThat(errors.findValuesAsText("message")).contains("There is no department with this code.",
                "At most 5,000 characters.");
        assertThat(complaintCount()).isEqualTo(before);
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
    }

    @Test
    void anEmailAddressWithMarkupOrQuotesIsRefused() throws Exception {
        for (String address : new String[] {"<script>x</script>@example.com", "a\"b@example.com", "o'neil@example.com",
                "a@example.com>", "a b@example.com", "a@exa<b>mple.com", "a@example", "a@b@example.com",
                "a@example.com\r\nBcc: x@example.com"}) {
            var body = new java.util.HashMap<>(validComplaint());
            body.put("contact", Map.of("name", "李四", "email", address));
            mvc.perform(post("/api/complaints").contentType(MediaType.APPLICATION_JSON)
                            .content(json.writeValueAsString(body)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("contact.email"));
        }
        var body = new java.util.HashMap<>(validComplaint());
        body.put("contact", Map.of("name", "李四", "email", "li.si+gov_2026@mail-1.example.com.cn"));
        assertThat(submit(body, null).getResponse().getStatus()).isEqualTo(201);
    }

    @Test
    void anIncidentDateBefore2000OrAfterTodayInShanghaiIsRefused() throws Exception {
        String todayInShanghai = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        for (String date : new String[] {"0000-01-01", "1999-12-31", "+10000-01-01",
                java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(1).toString()}) {
            var body = new java.util.HashMap<>(validComplaint());
            body.put("incidentDate", date);
            mvc.perform(post("/api/complaints").contentType(MediaType.APPLICATION_JSON)
                            .content(json.writeValueAsString(body)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("incidentDate"));
        }
        for (String date : new String[] {"2000-01-01", todayInShanghai}) {
            var body = new java.util.HashMap<>(validComplaint());
            body.put("incidentDate", date);
            assertThat(submit(body, null).getResponse().getStatus()).as(date).isEqualTo(201);
        }
    }

    @Test
    void messagesAreInSimplifiedChineseByDefault() throws Exception {
        var body = new java.util.HashMap<>(validComplaint());
        body.remove("departmentCode");

        mvc.perform(post("/api/complaints").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(body)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("departmentCode"))
                .andExpect(jsonPath("$.errors[0].message").value("请选择被投诉部门。"));
    }

    @Test
    void aNamedComplaintNeedsAPhoneOrAnEmail() throws Exception {
        var body = new java.util.HashMap<>(validComplaint());
        body.put("contact", Map.of("name", "王五"));

        mvc.perform(post("/api/complaints").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(body)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[0].field").value("contact.phone"))
                .andExpect(jsonPath("$.errors[1].field").value("contact.email"))
                .andExpect(jsonPath("$.errors[0].code").value("complaint.contact.phoneOrEmail.required"));
    }

    @Test
    void anIncidentDateInTheFutureIsRefused() throws Exception {
        var body = new java.util.HashMap<>(validComplaint());
        body.put("incidentDate", "2999-01-01");

        mvc.perform(post("/api/complaints").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(body)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("incidentDate"))
                .andExpect(jsonPath("$.errors[0].code").value("complaint.incidentDate.future"));
    }

    @Test
    void malformedJsonIsAProblemNotAStackTrace() throws Exception {
        int before = complaintCount();
        MvcResult result = mvc.perform(post("/api/complaints").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"departmentCode\": \"GD-AMR\", \"anonymous\": \"perhaps\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:opensupervision:problem:malformed-request"))
                .andReturn();
        assertThat(result.getResponse().getContentAsString()).doesNotContain("Exception", "at org.");
        assertThat(complaintCount()).isEqualTo(before);
    }

    @Test
    void anOverlongIdempotencyKeyIsRefused() throws Exception {
        int before = complaintCount();
        assertThat(submit(validComplaint(), "k".repeat(129)).getResponse().getStatus()).isEqualTo(400);
        assertThat(complaintCount()).isEqualTo(before);
    }

    @Test
    void theDepartmentListIsPublicAndBilingual() throws Exception {
        mvc.perform(get("/api/departments").header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(12))
                .andExpect(jsonPath("$[?(@.code == 'GD-AMR')].nameEn").value("Administration for Market Regulation"))
                .andExpect(jsonPath("$[?(@.code == 'GD-AMR')].name").value("Administration for Market Regulation"));
    }
}
