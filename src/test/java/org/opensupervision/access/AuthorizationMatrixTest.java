package org.opensupervision.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opensupervision.IntegrationTest;
import org.opensupervision.discipline.DisciplinaryCases;
import org.opensupervision.handling.CaseDriver;
import org.opensupervision.workflow.ComplaintProcess.Activity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The matrix of {@code docs/security.md}, cell by cell, over real HTTP (so Camunda's own filters and the engine's
 * authorization checks take part): one case held by the education department (GD-EDU), one by market regulation
 * (GD-AMR). Every role is asked for every resource; allowed and denied cells are both asserted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    CaseDriver cases;
    @Autowired
    ObjectMapper json;
    @Autowired
    IdentityService identity;
    @Autowired
    RuntimeService runtime;
    @Autowired
    MockMvc mvc;
    @Autowired
    DisciplinaryCases disciplinaryCases;
    @Autowired
    ManagementService management;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String edu;
    private String amr;

    @BeforeEach
    void twoCasesOfTwoDepartments() {
        if (edu != null) {
            return;
        }
        edu = cases.fileAndRoute("GD-EDU", "SLOW_ACTION", "matrix-edu@example.com");
        amr = cases.fileAndRoute("GD-AMR", "SLOW_ACTION", "matrix-amr@example.com");
    }

    // ---------------------------------------------------------------- the staff API and pages

    static Stream<Arguments> complaintDetail() {
        return Stream.of(
                Arguments.of("supervisor", "EDU", 200), Arguments.of("supervisor", "AMR", 200),
                Arguments.of("demo", "EDU", 200),
                Arguments.of("evaluator", "EDU", 200), Arguments.of("evaluator", "AMR", 200),
                Arguments.of("handler-gd-edu", "EDU", 200), Arguments.of("handler-gd-edu", "AMR", 404),
                Arguments.of("handler-gd-amr", "AMR", 200), Arguments.of("handler-gd-amr", "EDU", 404),
                Arguments.of("inspector", "EDU", 404), Arguments.of("inspector", "AMR", 404),
                Arguments.of(null, "EDU", 401));
    }

    @ParameterizedTest(name = "{0} reads the {1} complaint: {2}")
    @MethodSource("complaintDetail")
    void complaintDetailApi(String user, String which, int expected) throws Exception {
        HttpResponse<String> response = get("/api/complaints/" + trackingNumber(which), user);
        assertThat(response.statusCode()).isEqualTo(expected);
        if (expected == 404) {
            assertThat(response.body()).contains("\"status\":404").doesNotContain(trackingNumber(which) + "\",\"");
        }
    }

    @ParameterizedTest(name = "{0} reads the {1} case's timeline, audit check, dossier and timeline page: {2}")
    @MethodSource("complaintDetail")
    void caseRecordsFollowTheSameScope(String user, String which, int expected) throws Exception {
        String tn = trackingNumber(which);
        for (String suffix : new String[] {"/timeline", "/audit/verify", "/dossier"}) {
            assertThat(get("/api/complaints/" + tn + suffix, user).statusCode()).as(suffix).isEqualTo(expected);
        }
        assertThat(send(request("/staff/complaints/" + tn + "/timeline", user).header("Accept", "text/html"))
                .statusCode()).isEqualTo(expected == 401 ? 302 : expected);
    }

    @ParameterizedTest(name = "{0} opens the {1} case page: {2}")
    @MethodSource("complaintDetail")
    void complaintPage(String user, String which, int expected) throws Exception {
        HttpResponse<String> response = send(request("/staff/complaints/" + trackingNumber(which), user)
                .header("Accept", "text/html"));
        assertThat(response.statusCode()).isEqualTo(expected == 401 ? 302 : expected);
    }

    static Stream<Arguments> complaintList() {
        return Stream.of(
                Arguments.of("supervisor", true, true), Arguments.of("evaluator", true, true),
                Arguments.of("handler-gd-edu", true, false), Arguments.of("handler-gd-amr", false, true),
                Arguments.of("inspector", false, false));
    }

    @ParameterizedTest(name = "{0} lists: EDU case {1}, AMR case {2}")
    @MethodSource("complaintList")
    void complaintListApi(String user, boolean seesEdu, boolean seesAmr) throws Exception {
        JsonNode page = json.readTree(get("/api/complaints?size=100&q=TS", user).body());
        var listed = page.get("content").findValuesAsText("trackingNumber");
        assertThat(listed.contains(edu)).as("lists " + edu).isEqualTo(seesEdu);
        assertThat(listed.contains(amr)).as("lists " + amr).isEqualTo(seesAmr);
    }

    @ParameterizedTest(name = "{0} lists only: EDU {1}, AMR {2} on the page")
    @MethodSource("complaintList")
    void complaintListPage(String user, boolean seesEdu, boolean seesAmr) throws Exception {
        String page = send(request("/staff/complaints?size=100", user).header("Accept", "text/html")).body();
        assertThat(page.contains(edu)).isEqualTo(seesEdu);
        assertThat(page.contains(amr)).isEqualTo(seesAmr);
    }

    static Stream<Arguments> departmentDashboard() {
        return Stream.of(
                Arguments.of("supervisor", "GD-EDU", 200), Arguments.of("supervisor", "GD-AMR", 200),
                Arguments.of("evaluator", "GD-AMR", 200), Arguments.of("demo", "GD-AMR", 200),
                Arguments.of("handler-gd-edu", "GD-EDU", 200), Arguments.of("handler-gd-edu", "GD-AMR", 404),
                Arguments.of("handler-gd-amr", "GD-AMR", 200), Arguments.of("handler-gd-amr", "GD-EDU", 404),
                Arguments.of("inspector", "GD-EDU", 404), Arguments.of(null, "GD-EDU", 401));
    }

    @ParameterizedTest(name = "{0} opens the {1} dashboard (API and page): {2}")
    @MethodSource("departmentDashboard")
    void departmentDashboardIsScopedLikeTheCases(String user, String department, int expected) throws Exception {
        HttpResponse<String> api = get("/api/departments/" + department + "/dashboard", user);
        assertThat(api.statusCode()).isEqualTo(expected);
        if (expected == 404) {
            assertThat(api.body()).contains("\"status\":404").doesNotContain("openByStatus");
        }
        assertThat(send(request("/staff/departments/" + department + "/dashboard", user)
                .header("Accept", "text/html")).statusCode()).isEqualTo(expected == 401 ? 302 : expected);
    }

    static Stream<Arguments> kpiMonth() {
        return Stream.of(Arguments.of("supervisor", 200), Arguments.of("evaluator", 200), Arguments.of("demo", 200),
                Arguments.of("handler-gd-edu", 403), Arguments.of("inspector", 403), Arguments.of(null, 401));
    }

    @ParameterizedTest(name = "{0} reads the KPI month (API and page): {1}")
    @MethodSource("kpiMonth")
    void kpiMonthIsTheOfficesOnly(String user, int expected) throws Exception {
        assertThat(get("/api/kpi/months/2026-03", user).statusCode()).isEqualTo(expected);
        assertThat(send(request("/staff/kpi?month=2026-03", user).header("Accept", "text/html")).statusCode())
                .isEqualTo(expected == 401 ? 302 : expected);
    }

    static Stream<Arguments> mailOutbox() {
        return Stream.of(Arguments.of("supervisor", 200), Arguments.of("demo", 200),
                Arguments.of("handler-gd-edu", 403), Arguments.of("inspector", 403), Arguments.of("evaluator", 403));
    }

    @ParameterizedTest(name = "{0} opens the mail outbox: {1}")
    @MethodSource("mailOutbox")
    void mailOutboxIsTheSupervisionOfficesOnly(String user, int expected) throws Exception {
        assertThat(send(request("/staff/mail", user).header("Accept", "text/html")).statusCode()).isEqualTo(expected);
    }

    @Test
    void anonymousCallersGetNoStaffList() throws Exception {
        assertThat(get("/api/complaints", null).statusCode()).isEqualTo(401);
    }

    // ---------------------------------------------------------------- the engine (/engine-rest)

    static Stream<Arguments> engineTaskQuery() {
        // Open tasks of the EDU case: triage (supervision office) and first feedback (the department).
        return Stream.of(Arguments.of("supervisor", 2), Arguments.of("demo", 2), Arguments.of("handler-gd-edu", 1),
                Arguments.of("handler-gd-amr", 0), Arguments.of("inspector", 0), Arguments.of("evaluator", 0));
    }

    @ParameterizedTest(name = "{0} sees {1} task(s) of the EDU case")
    @MethodSource("engineTaskQuery")
    void engineTaskQueryShowsOnlyAuthorizedTasks(String user, int expected) throws Exception {
        HttpResponse<String> response = get("/engine-rest/task?processInstanceBusinessKey=" + edu, user);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).size()).isEqualTo(expected);
    }

    static Stream<Arguments> engineTaskRead() {
        return Stream.of(Arguments.of("supervisor", 200), Arguments.of("handler-gd-edu", 200),
                Arguments.of("handler-gd-amr", 404), Arguments.of("inspector", 404), Arguments.of("evaluator", 404),
                Arguments.of(null, 401));
    }

    @ParameterizedTest(name = "{0} reads the EDU first-feedback task and its form: {1}")
    @MethodSource("engineTaskRead")
    void engineTaskRead(String user, int expected) throws Exception {
        String task = cases.task(edu, Activity.FIRST_FEEDBACK).getId();
        assertThat(get("/engine-rest/task/" + task, user).statusCode()).isEqualTo(expected);
        HttpResponse<String> form = get("/engine-rest/task/" + task + "/deployed-form", user);
        assertThat(form.statusCode()).isEqualTo(expected == 404 ? 403 : expected);
        if (expected == 200) {
            assertThat(form.body()).contains("firstFeedbackText");
        }
    }

    static Stream<Arguments> engineInstanceRead() {
        return Stream.of(Arguments.of("supervisor", 200), Arguments.of("evaluator", 200),
                Arguments.of("handler-gd-edu", 200), Arguments.of("handler-gd-amr", 404),
                Arguments.of("inspector", 404));
    }

    @ParameterizedTest(name = "{0} reads the EDU process instance: {1}")
    @MethodSource("engineInstanceRead")
    void engineProcessInstanceRead(String user, int expected) throws Exception {
        String instance = cases.processInstanceId(edu);
        assertThat(get("/engine-rest/process-instance/" + instance, user).statusCode()).isEqualTo(expected);
    }

    static Stream<Arguments> engineHistory() {
        return Stream.of(Arguments.of("supervisor", 1), Arguments.of("evaluator", 1),
                Arguments.of("handler-gd-edu", 0), Arguments.of("inspector", 0));
    }

    @ParameterizedTest(name = "{0} finds {1} historic instance(s) of the EDU case")
    @MethodSource("engineHistory")
    void engineHistoryIsForTheOffices(String user, int expected) throws Exception {
        HttpResponse<String> response = get("/engine-rest/history/process-instance/count?processInstanceBusinessKey="
                + edu, user);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).get("count").asInt()).isEqualTo(expected);
    }

    static Stream<Arguments> identityAdministration() {
        return Stream.of(Arguments.of("supervisor", 403), Arguments.of("handler-gd-edu", 403),
                Arguments.of("inspector", 403), Arguments.of("evaluator", 403), Arguments.of("demo", 204));
    }

    @ParameterizedTest(name = "{0} creates a user: {1}")
    @MethodSource("identityAdministration")
    void onlyAdministratorsAdminister(String user, int expected) throws Exception {
        String id = "matrix-tmp-" + user;
        HttpResponse<String> response = send(request("/engine-rest/user/create", user)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"profile\":{\"id\":\"" + id + "\",\"firstName\":\"T\","
                        + "\"lastName\":\"T\",\"email\":\"t@example.gov.cn\"},\"credentials\":{\"password\":\"x1\"}}")));
        assertThat(response.statusCode()).isEqualTo(expected);
        assertThat(identity.createUserQuery().userId(id).count()).isEqualTo(expected == 204 ? 1 : 0);
        identity.deleteUser(id);
    }

    static Stream<Arguments> webappAccess() {
        return Stream.of(
                Arguments.of("handler-gd-edu", "tasklist", 200), Arguments.of("handler-gd-edu", "cockpit", 403),
                Arguments.of("handler-gd-edu", "admin", 403),
                Arguments.of("supervisor", "tasklist", 200), Arguments.of("supervisor", "cockpit", 200),
                Arguments.of("supervisor", "admin", 403),
                Arguments.of("inspector", "tasklist", 200), Arguments.of("inspector", "cockpit", 200),
                Arguments.of("evaluator", "cockpit", 200), Arguments.of("evaluator", "tasklist", 200),
                Arguments.of("demo", "admin", 200));
    }

    @ParameterizedTest(name = "{0} logs in to {1}: {2}")
    @MethodSource("webappAccess")
    void webappLoginNeedsApplicationAccess(String user, String app, int expected) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5))
                .build();
        String base = "http://127.0.0.1:" + port;
        browser.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/" + app + "/default/"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding());
        String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .findFirst().orElseThrow().getValue();
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(
                        URI.create(base + "/camunda/api/admin/auth/user/default/login/" + app))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(expected);
    }

    // ---------------------------------------------------------------- doing, not just reading

    @Test
    void onlyTheHoldingDepartmentCompletesItsTaskAndARedirectMovesEveryGrant() throws Exception {
        String tn = cases.fileAndRoute("GD-EDU", "SLOW_ACTION", "matrix-move@example.com");
        String instance = cases.processInstanceId(tn);
        String feedback = cases.task(tn, Activity.FIRST_FEEDBACK).getId();
        String body = "{\"variables\":{\"firstFeedbackText\":{\"value\":\"已收到，正在核查。\",\"type\":\"String\"}}}";

        assertThat(post("/engine-rest/task/" + feedback + "/complete", "handler-gd-amr", body).statusCode())
                .isEqualTo(403);

        // The supervision office moves the case to market regulation.
        cases.complete(tn, Activity.TRIAGE, Map.of("triageDecision", "REDIRECT", "redirectDepartmentCode", "GD-AMR",
                "triageReason", "属市场监管事项"));
        assertThat(get("/engine-rest/task/" + feedback, "handler-gd-edu").statusCode()).isEqualTo(404);
        assertThat(get("/engine-rest/process-instance/" + instance, "handler-gd-edu").statusCode()).isEqualTo(404);
        assertThat(get("/api/complaints/" + tn, "handler-gd-edu").statusCode()).isEqualTo(404);
        assertThat(post("/engine-rest/task/" + feedback + "/complete", "handler-gd-edu", body).statusCode())
                .isEqualTo(403);

        assertThat(get("/api/complaints/" + tn, "handler-gd-amr").statusCode()).isEqualTo(200);
        assertThat(get("/engine-rest/process-instance/" + instance, "handler-gd-amr").statusCode()).isEqualTo(200);
        assertThat(post("/engine-rest/task/" + feedback + "/complete", "handler-gd-amr", body).statusCode())
                .isEqualTo(204);
    }

    @Test
    void disciplineInspectorsSeeACaseOnceItIsEscalatedToThem() throws Exception {
        String tn = cases.fileAndRoute("GD-AMR", "INTEGRITY", "matrix-integrity@example.com");
        assertThat(get("/api/complaints/" + tn, "inspector").statusCode()).isEqualTo(404);
        assertThat(json.readTree(get("/api/complaints?size=100&q=" + tn, "inspector").body())
                .get("totalElements").asInt()).isZero();

        cases.complete(tn, Activity.TRIAGE, Map.of("triageDecision", "ESCALATE", "triageReason", "索要好处费"));
        String discipline = runtime.createProcessInstanceQuery().processDefinitionKey("disciplinary-escalation")
                .processInstanceBusinessKey(tn).singleResult().getId();
        management.createJobQuery().processInstanceId(discipline).executable().list()
                .forEach(job -> management.executeJob(job.getId()));

        assertThat(get("/api/complaints/" + tn, "inspector").statusCode()).isEqualTo(200);
        assertThat(json.readTree(get("/api/complaints?size=100&q=" + tn, "inspector").body())
                .get("content").findValuesAsText("trackingNumber")).containsExactly(tn);
        // Their tasks: the preliminary review of the new disciplinary case, through the engine.
        JsonNode tasks = json.readTree(get("/engine-rest/task?processInstanceBusinessKey=" + tn, "inspector").body());
        assertThat(tasks.findValuesAsText("processDefinitionId")).isNotEmpty()
                .allSatisfy(id -> assertThat(id).startsWith("disciplinary-escalation:"));
        // Another department's handler still sees nothing of it; the department concerned still sees its case.
        assertThat(get("/api/complaints/" + tn, "handler-gd-edu").statusCode()).isEqualTo(404);
        assertThat(get("/api/complaints/" + tn, "handler-gd-amr").statusCode()).isEqualTo(200);
    }

    static Stream<Arguments> officePages() {
        return Stream.of(
                Arguments.of("/staff/discipline", "inspector", 200), Arguments.of("/staff/discipline", "supervisor", 200),
                Arguments.of("/staff/discipline", "handler-gd-amr", 403),
                Arguments.of("/staff/discipline", "evaluator", 403),
                Arguments.of("/staff/spot-checks", "supervisor", 200), Arguments.of("/staff/spot-checks", "evaluator", 200),
                Arguments.of("/staff/spot-checks", "inspector", 200),
                Arguments.of("/staff/spot-checks", "handler-gd-amr", 403));
    }

    @ParameterizedTest(name = "{1} opens {0}: {2}")
    @MethodSource("officePages")
    void officePagesAreClosedToDepartments(String path, String user, int expected) throws Exception {
        assertThat(send(request(path, user).header("Accept", "text/html")).statusCode()).isEqualTo(expected);
    }

    @Test
    void onlyDisciplineInspectionUnsealsADossier() throws Exception {
        String tn = cases.fileAndRoute("GD-AMR", "INTEGRITY", "matrix-unseal@example.com");
        cases.complete(tn, Activity.TRIAGE, Map.of("triageDecision", "ESCALATE", "triageReason", "吃拿卡要"));
        String discipline = runtime.createProcessInstanceQuery().processDefinitionKey("disciplinary-escalation")
                .processInstanceBusinessKey(tn).singleResult().getId();
        management.createJobQuery().processInstanceId(discipline).executable().list()
                .forEach(job -> management.executeJob(job.getId()));
        Long caseId = disciplinaryCases.ofComplaint(tn).get(0).getId();

        for (String user : new String[] {"supervisor", "handler-gd-amr", "evaluator"}) {
            mvc.perform(MockMvcRequestBuilders.post("/staff/discipline/" + caseId + "/unseal").with(csrf()).with(httpBasic(user, user))
                    .param("reason", "核实举报人身份")).andExpect(status().isForbidden());
        }
        assertThat(disciplinaryCases.dossier(caseId).unsealings()).isEmpty();
        mvc.perform(MockMvcRequestBuilders.post("/staff/discipline/" + caseId + "/unseal").with(csrf()).with(httpBasic("inspector", "inspector"))
                .param("reason", "核实举报人身份")).andExpect(status().isOk());
        assertThat(disciplinaryCases.dossier(caseId).unsealings()).singleElement()
                .satisfies(u -> assertThat(u.getUnsealedBy()).isEqualTo("inspector"));
    }

    // ---------------------------------------------------------------- plumbing

    private String trackingNumber(String which) {
        return "EDU".equals(which) ? edu : amr;
    }

    private HttpRequest.Builder request(String path, String user) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        return send(request(path, user).header("Accept", "application/json"));
    }

    private HttpResponse<String> post(String path, String user, String body) throws Exception {
        return send(request(path, user).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
