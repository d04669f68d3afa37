package org.opensupervision.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.opensupervision.IntegrationTest;
import org.opensupervision.handling.CaseDriver;
import org.opensupervision.workflow.ComplaintProcess.Activity;
import org.opensupervision.workflow.ComplaintProcess.Var;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 12, holes 1 and 2 and the password check, over real HTTP as each role: the facts the platform owns
 * (deadlines, the department, the extension flag) cannot be written through {@code /engine-rest} or the webapps'
 * engine API by the people they judge; a task completion sets only its form's fields; jobs are the administrators'.
 */
class EngineWriteGuardTest extends IntegrationTest {

    private static final String FAR_FUTURE = "2100-01-01T00:00:00.000+0000";

    @LocalServerPort
    int port;
    @Autowired
    CaseDriver cases;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    ObjectMapper json;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A GD-EDU case waiting for the department's reply, with its handling deadline set. */
    private String caseInHandling() {
        String tn = cases.fileAndRoute("GD-EDU", "SLOW_ACTION", "guard@example.com");
        cases.complete(tn, Activity.TRIAGE, Map.of("triageDecision", "ACCEPT"));
        cases.complete(tn, Activity.FIRST_FEEDBACK, Map.of("firstFeedbackText", "已收到，正在核查。"));
        return tn;
    }

    private Object variable(String tn, String name) {
        return runtime.getVariable(cases.processInstanceId(tn), name);
    }

    // ---------------------------------------------------------------- hole 1: variables

    @Test
    void aHandlerCannotMoveTheDeadlineThroughTheTaskVariablesEndpoints() throws Exception {
        String tn = caseInHandling();
        String task = cases.task(tn, Activity.HANDLING).getId();
        Object due = variable(tn, Var.HANDLING_DUE_AT);
        String later = "{\"value\":\"" + FAR_FUTURE + "\",\"type\":\"Date\"}";

        assertThat(put("/engine-rest/task/" + task + "/variables/handlingDueAt", "handler-gd-edu", later)
                .statusCode()).isEqualTo(403);
        assertThat(put("/engine-rest/task/" + task + "/localVariables/handlingDueAt", "handler-gd-edu", later)
                .statusCode()).isEqualTo(403);
        assertThat(post("/engine-rest/task/" + task + "/variables", "handler-gd-edu",
                "{\"modifications\":{\"handlingDueAt\":" + later + "}}").statusCode()).isEqualTo(403);
        assertThat(delete("/engine-rest/task/" + task + "/variables/extensionRequested", "handler-gd-edu")
                .statusCode()).isEqualTo(403);
        assertThat(variable(tn, Var.HANDLING_DUE_AT)).isEqualTo(due);
        assertThat(cases.task(tn, Activity.HANDLING).getId()).isEqualTo(task);
    }

    static Stream<Arguments> extraVariables() {
        return Stream.of(
                Arguments.of("handlingDueAt", "{\"value\":\"" + FAR_FUTURE + "\",\"type\":\"Date\"}"),
                Arguments.of("extensionRequested", "{\"value\":false,\"type\":\"Boolean\"}"),
                Arguments.of("handlingDepartmentCode", "{\"value\":\"GD-AMR\",\"type\":\"String\"}"),
                Arguments.of("handlingGroup", "{\"value\":\"dept-gd-amr\",\"type\":\"String\"}"));
    }

    @ParameterizedTest(name = "completing with {0} as well: 403, nothing written")
    @MethodSource("extraVariables")
    void aCompletionMaySetOnlyWhatItsFormDeclares(String extra, String value) throws Exception {
        String tn = caseInHandling();
        String task = cases.task(tn, Activity.HANDLING).getId();
        Object before = variable(tn, extra);
        String variables = "{\"variables\":{\"handlingAction\":{\"value\":\"REPLY\"},"
                + "\"replyText\":{\"value\":\"已办结。\"},\"" + extra + "\":" + value + "}}";

        HttpResponse<String> complete = post("/engine-rest/task/" + task + "/complete", "handler-gd-edu", variables);
        assertThat(complete.statusCode()).isEqualTo(403);
        assertThat(complete.body()).contains("AuthorizationException").contains(extra);
        assertThat(post("/engine-rest/task/" + task + "/submit-form", "handler-gd-edu", variables).statusCode())
                .isEqualTo(403);

        assertThat(cases.task(tn, Activity.HANDLING).getId()).isEqualTo(task);
        assertThat(variable(tn, extra)).isEqualTo(before);
    }

    @Test
    void aCompletionIsCheckedAgainstTheFormsOptionsTypesAndLimits() throws Exception {
        String tn = caseInHandling();
        String task = cases.task(tn, Activity.HANDLING).getId();
        for (String variables : List.of(
                "{\"handlingAction\":{\"value\":\"CLOSE_QUIETLY\"},\"replyText\":{\"value\":\"x\"}}",
                "{\"handlingAction\":{\"value\":\"REPLY\"},\"replyText\":{\"value\":42}}",
                "{\"handlingAction\":{\"value\":\"REQUEST_EXTENSION\"},\"extensionReason\":{\"value\":\"忙\"},"
                        + "\"extensionWorkingDays\":{\"value\":400}}")) {
            HttpResponse<String> response = post("/engine-rest/task/" + task + "/submit-form", "handler-gd-edu",
                    "{\"variables\":" + variables + "}");
            assertThat(response.statusCode()).as(variables).isEqualTo(400);
        }
        assertThat(cases.task(tn, Activity.HANDLING).getId()).isEqualTo(task);
    }

    @Test
    void otherWaysOfWritingACasesVariablesOrEndingItsTaskAreRefused() throws Exception {
        String tn = caseInHandling();
        String instance = cases.processInstanceId(tn);
        String task = cases.task(tn, Activity.HANDLING).getId();
        String execution = tasks.createTaskQuery().taskId(task).singleResult().getExecutionId();
        String later = "{\"value\":\"" + FAR_FUTURE + "\",\"type\":\"Date\"}";

        for (String user : List.of("handler-gd-edu", "supervisor")) {
            assertThat(put("/engine-rest/process-instance/" + instance + "/variables/handlingDueAt", user, later)
                    .statusCode()).as(user).isEqualTo(403);
            assertThat(post("/engine-rest/process-instance/" + instance + "/variables", user,
                    "{\"modifications\":{\"handlingDueAt\":" + later + "}}").statusCode()).as(user).isEqualTo(403);
            assertThat(put("/engine-rest/execution/" + execution + "/localVariables/handlingDueAt", user, later)
                    .statusCode()).as(user).isEqualTo(403);
            assertThat(post("/engine-rest/task/" + task + "/bpmnError", user, "{\"errorCode\":\"x\"}")
                    .statusCode()).as(user).isEqualTo(403);
            assertThat(put("/engine-rest/process-instance/" + instance + "/suspended", user,
                    "{\"suspended\":true}").statusCode()).as(user).isEqualTo(403);
            assertThat(post("/engine-rest/process-definition/key/complaint-handling/start", user,
                    "{\"businessKey\":\"FAKE-" + user + "\",\"variables\":{}}").statusCode()).as(user).isEqualTo(403);
        }
        // The office works every task, but a task's variables are the form's too.
        String triage = cases.fileAndRoute("GD-EDU", "SLOW_ACTION", "guard-office@example.com");
        String triageTask = cases.task(triage, Activity.TRIAGE).getId();
        assertThat(put("/engine-rest/task/" + triageTask + "/variables/handlingGroup", "supervisor",
                "{\"value\":\"dept-gd-amr\",\"type\":\"String\"}").statusCode()).isEqualTo(403);
        assertThat(post("/engine-rest/task/" + triageTask + "/complete", "supervisor",
                "{\"variables\":{\"triageDecision\":{\"value\":\"ACCEPT\"},\"reworkCount\":{\"value\":0}}}")
                .statusCode()).isEqualTo(403);

        assertThat(variable(tn, Var.HANDLING_DUE_AT)).isNotEqualTo(new Date(4102444800000L));
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).singleResult().isSuspended())
                .isFalse();
        assertThat(cases.task(tn, Activity.HANDLING).getId()).isEqualTo(task);
    }

    @Test
    void administratorsStillWriteVariables() throws Exception {
        String tn = cases.fileAndRoute("GD-EDU", "SLOW_ACTION", "guard-admin@example.com");
        String instance = cases.processInstanceId(tn);
        assertThat(put("/engine-rest/process-instance/" + instance + "/variables/correctionNote", "demo",
                "{\"value\":\"数据更正\",\"type\":\"String\"}").statusCode()).isEqualTo(204);
        assertThat(runtime.getVariable(instance, "correctionNote")).isEqualTo("数据更正");
    }

    @Test
    void candidatesGetTaskWorkNotUpdateSoTheTaskItselfStaysTheModels() throws Exception {
        String tn = caseInHandling();
        String task = cases.task(tn, Activity.HANDLING).getId();
        assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(task)
                .groupIdIn("dept-gd-edu").singleResult().isPermissionGranted(Permissions.TASK_WORK)).isTrue();
        assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(task)
                .groupIdIn("dept-gd-edu").singleResult().isPermissionGranted(Permissions.UPDATE)).isFalse();
        Date due = cases.task(tn, Activity.HANDLING).getDueDate();
        assertThat(put("/engine-rest/task/" + task, "handler-gd-edu",
                "{\"name\":\"x\",\"due\":\"" + FAR_FUTURE + "\"}").statusCode()).isEqualTo(403);
        assertThat(post("/engine-rest/task/" + task + "/identity-links", "handler-gd-edu",
                "{\"groupId\":\"dept-gd-amr\",\"type\":\"candidate\"}").statusCode()).isEqualTo(403);
        assertThat(cases.task(tn, Activity.HANDLING).getDueDate()).isEqualTo(due);
        // Claiming is work, and stays allowed.
        assertThat(post("/engine-rest/task/" + task + "/claim", "handler-gd-edu", "{\"userId\":\"handler-gd-edu\"}")
                .statusCode()).isEqualTo(204);
    }

    @Test
    void theTasklistCompletionWithTheFormsFieldsWorksAndExtraFieldsAreRefusedThereToo() throws Exception {
        String tn = caseInHandling();
        String task = cases.task(tn, Activity.HANDLING).getId();
        Tasklist tasklist = Tasklist.login(base(), "handler-gd-edu");
        String api = "/camunda/api/engine/engine/default/task/" + task;

        HttpResponse<String> form = tasklist.get(api + "/form-variables");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("handlingDueAt");

        assertThat(tasklist.post(api + "/submit-form", "{\"variables\":{\"handlingAction\":{\"value\":\"REPLY\"},"
                + "\"replyText\":{\"value\":\"已办结。\"},\"handlingDueAt\":{\"value\":\"" + FAR_FUTURE
                + "\",\"type\":\"Date\"}}}").statusCode()).isEqualTo(403);
        assertThat(tasklist.put(api + "/variables/handlingDueAt",
                "{\"value\":\"" + FAR_FUTURE + "\",\"type\":\"Date\"}").statusCode()).isEqualTo(403);

        // What Tasklist's form-js sends for complaintHandling: its enabled fields, unset ones as empty values.
        HttpResponse<String> submitted = tasklist.post(api + "/submit-form", "{\"variables\":{"
                + "\"handlingAction\":{\"value\":\"REPLY\"},\"replyText\":{\"value\":\"经核查，已于今日办结。\"},"
                + "\"extensionReason\":{},\"extensionWorkingDays\":{}}}");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(204);
        cases.runDueJobs(tn);
        assertThat(cases.task(tn, Activity.REVIEW_REPLY)).isNotNull();
        assertThat(variable(tn, Var.REPLY_TEXT)).isEqualTo("经核查，已于今日办结。");
    }

    // ---------------------------------------------------------------- hole 2: jobs

    private Job historyCleanupJob() {
        List<Job> jobs = history.findHistoryCleanupJobs();
        if (jobs.isEmpty()) {
            history.cleanUpHistoryAsync();
            jobs = history.findHistoryCleanupJobs();
        }
        return jobs.get(0);
    }

    private Job timerOf(String tn) {
        return cases.timers(tn).get(0);
    }

    static Stream<Arguments> jobVerbs() {
        return Stream.of(
                Arguments.of("PUT", "/suspended", "{\"suspended\":true}"),
                Arguments.of("PUT", "/duedate", "{\"duedate\":\"" + FAR_FUTURE + "\"}"),
                Arguments.of("PUT", "/retries", "{\"retries\":0}"),
                Arguments.of("PUT", "/priority", "{\"priority\":-100}"),
                Arguments.of("POST", "/duedate/recalculate", ""),
                Arguments.of("POST", "/execute", ""),
                Arguments.of("DELETE", "", null));
    }

    @ParameterizedTest(name = "{0} /job/'{id}'{1} as a handler and as the supervision office: 403")
    @MethodSource("jobVerbs")
    void onlyAdministratorsTouchJobs(String method, String suffix, String body) throws Exception {
        String tn = cases.fileAndRoute("GD-EDU", "SLOW_ACTION", "guard-jobs@example.com");
        for (Job job : List.of(historyCleanupJob(), timerOf(tn))) {
            for (String user : List.of("handler-gd-edu", "supervisor", "evaluator", "inspector")) {
                HttpResponse<String> response = send(method, "/engine-rest/job/" + job.getId() + suffix, user, body);
                assertThat(response.statusCode()).as(user + " " + method + " " + suffix).isEqualTo(403);
                Job after = management.createJobQuery().jobId(job.getId()).singleResult();
                assertThat(after).as("the job is still there").isNotNull();
                assertThat(after.isSuspended()).isFalse();
                assertThat(after.getDuedate()).isEqualTo(job.getDuedate());
                assertThat(after.getRetries()).isEqualTo(job.getRetries());
                assertThat(after.getPriority()).isEqualTo(job.getPriority());
            }
        }
    }

    @ParameterizedTest(name = "PUT /job-definition/'{id}'{0} as a handler and as the supervision office: 403")
    @ValueSource(strings = {"/suspended", "/retries", "/jobPriority"})
    void onlyAdministratorsTouchJobDefinitions(String suffix) throws Exception {
        JobDefinition definition = management.createJobDefinitionQuery().processDefinitionKey("complaint-handling")
                .list().get(0);
        String body = switch (suffix) {
            case "/suspended" -> "{\"suspended\":true,\"includeJobs\":true}";
            case "/retries" -> "{\"retries\":0}";
            default -> "{\"priority\":-100,\"includeJobs\":true}";
        };
        for (String user : List.of("handler-gd-edu", "supervisor")) {
            assertThat(put("/engine-rest/job-definition/" + definition.getId() + suffix, user, body).statusCode())
                    .as(user).isEqualTo(403);
        }
        JobDefinition after = management.createJobDefinitionQuery().jobDefinitionId(definition.getId()).singleResult();
        assertThat(after.isSuspended()).isFalse();
        assertThat(after.getOverridingJobPriority()).isNull();
    }

    @Test
    void administratorsStillManageJobs() throws Exception {
        String tn = cases.fileAndRoute("GD-EDU", "SLOW_ACTION", "guard-admin-jobs@example.com");
        Job timer = timerOf(tn);
        String job = "/engine-rest/job/" + timer.getId();
        assertThat(put(job + "/suspended", "demo", "{\"suspended\":true}").statusCode()).isEqualTo(204);
        assertThat(management.createJobQuery().jobId(timer.getId()).singleResult().isSuspended()).isTrue();
        assertThat(put(job + "/suspended", "demo", "{\"suspended\":false}").statusCode()).isEqualTo(204);
        assertThat(put(job + "/retries", "demo", "{\"retries\":3}").statusCode()).isEqualTo(204);
        assertThat(put(job + "/priority", "demo", "{\"priority\":5}").statusCode()).isEqualTo(204);
        // Executing: the routing job of a complaint just filed, which the job executor would run anyway (a deadline
        // timer fired early would record a breach that other tests count). Routed by its job, not by the starter.
        String filed = cases.fileWithRoutingJob(
                CaseDriver.submission("GD-EDU", "SLOW_ACTION", "guard-admin-run@example.com"));
        Job routing = cases.dueJobs(filed).get(0);
        assertThat(post("/engine-rest/job/" + routing.getId() + "/execute", "demo", "").statusCode()).isEqualTo(204);
        assertThat(management.createJobQuery().jobId(routing.getId()).count()).isZero();
        assertThat(cases.task(filed, Activity.FIRST_FEEDBACK)).isNotNull();

        Job cleanup = historyCleanupJob();
        assertThat(put("/engine-rest/job/" + cleanup.getId() + "/suspended", "demo", "{\"suspended\":true}")
                .statusCode()).isEqualTo(204);
        assertThat(put("/engine-rest/job/" + cleanup.getId() + "/suspended", "demo", "{\"suspended\":false}")
                .statusCode()).isEqualTo(204);
        assertThat(management.createJobQuery().jobId(cleanup.getId()).singleResult().isSuspended()).isFalse();
    }

    // ---------------------------------------------------------------- item 8: identity/verify

    static Stream<Arguments> passwordChecks() {
        return Stream.of(
                Arguments.of("handler-gd-edu", "handler-gd-edu", 200),
                Arguments.of("handler-gd-edu", "supervisor", 403),
                Arguments.of("handler-gd-edu", "demo", 403),
                Arguments.of("supervisor", "handler-gd-edu", 403),
                Arguments.of("demo", "supervisor", 200));
    }

    @ParameterizedTest(name = "{0} checks the password of {1}: {2}")
    @MethodSource("passwordChecks")
    void aPasswordCanBeCheckedOnlyByItsOwnerOrAnAdministrator(String user, String whose, int expected)
            throws Exception {
        HttpResponse<String> response = post("/engine-rest/identity/verify", user,
                "{\"username\":\"" + whose + "\",\"password\":\"" + whose + "\"}");
        assertThat(response.statusCode()).isEqualTo(expected);
        if (expected == 200) {
            assertThat(json.readTree(response.body()).get("authenticated").asBoolean()).isTrue();
        } else {
            assertThat(response.body()).doesNotContain("authenticated");
        }
    }

    @Test
    void aUserStillChangesTheirOwnPasswordWhichChecksTheCurrentOneTheSameWay() throws Exception {
        // Camunda checks the current password of the logged-in user before it sets the new one; same value here.
        assertThat(put("/engine-rest/user/handler-gd-edu/credentials", "handler-gd-edu",
                "{\"password\":\"handler-gd-edu\",\"authenticatedUserPassword\":\"handler-gd-edu\"}").statusCode())
                .isEqualTo(204);
        assertThat(post("/engine-rest/identity/verify", "handler-gd-edu",
                "{\"username\":\"handler-gd-edu\",\"password\":\"handler-gd-edu\"}").statusCode()).isEqualTo(200);
    }

    // ---------------------------------------------------------------- plumbing

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private HttpResponse<String> send(String method, String path, String user, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> put(String path, String user, String body) throws Exception {
        return send("PUT", path, user, body);
    }

    private HttpResponse<String> post(String path, String user, String body) throws Exception {
        return send("POST", path, user, body);
    }

    private HttpResponse<String> delete(String path, String user) throws Exception {
        return send("DELETE", path, user, null);
    }

    /** A browser session of the Camunda webapps, logged in to Tasklist, calling their engine API. */
    private record Tasklist(HttpClient browser, CookieManager cookies, String base) {

        static Tasklist login(String base, String user) throws Exception {
            CookieManager cookies = new CookieManager();
            HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            Tasklist tasklist = new Tasklist(browser, cookies, base);
            browser.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding());
            HttpResponse<String> login = browser.send(HttpRequest.newBuilder(
                            URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-XSRF-TOKEN", tasklist.xsrf())
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(200);
            return tasklist;
        }

        private String xsrf() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .reduce((first, second) -> second).orElseThrow().getValue();
        }

        HttpResponse<String> get(String path) throws Exception {
            return browser.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json")
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String body) throws Exception {
            return send("POST", path, body);
        }

        HttpResponse<String> put(String path, String body) throws Exception {
            return send("PUT", path, body);
        }

        private HttpResponse<String> send(String method, String path, String body) throws Exception {
            return browser.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .header("X-XSRF-TOKEN", xsrf()).method(method, HttpRequest.BodyPublishers.ofString(body))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
