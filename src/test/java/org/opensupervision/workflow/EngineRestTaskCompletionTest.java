package org.opensupervision.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.junit.jupiter.api.Test;
import org.opensupervision.IntegrationTest;
import org.opensupervision.handling.CaseDriver;
import org.opensupervision.workflow.ComplaintProcess.Activity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 16: over real HTTP, a completion the model refuses for its entry is a 400 with the validator's message (not
 * Camunda's 500 "Cannot complete task"), and completing a task nobody claimed claims it for the person.
 */
class EngineRestTaskCompletionTest extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    CaseDriver cases;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aTriageWithoutADecisionIsABadRequestThatSaysWhatIsMissing() throws Exception {
        String tn = cases.fileAndRoute("GD-EDU", "SLOW_ACTION", "rest400@example.com");
        String task = cases.task(tn, Activity.TRIAGE).getId();

        HttpResponse<String> complete = post("/engine-rest/task/" + task + "/complete", "supervisor",
                "{\"variables\":{}}");
        assertThat(complete.statusCode()).as(complete.body()).isEqualTo(400);
        assertThat(complete.body()).contains("请在「分办决定」中选择");

        HttpResponse<String> submit = post("/engine-rest/task/" + task + "/submit-form", "supervisor",
                "{\"variables\":{\"triageDecision\":{\"value\":\"REDIRECT\"},"
                        + "\"redirectDepartmentCode\":{\"value\":\"NO-SUCH-DEPT\"}}}");
        assertThat(submit.statusCode()).as(submit.body()).isEqualTo(400);
        assertThat(submit.body()).contains("「转办至」须从表单的选项中选择", "redirectDepartmentCode", "GD-AMR")
                .doesNotContain("must be");

        // A department on the list, but the one that holds the case: the validator's message, as a 400.
        HttpResponse<String> same = post("/engine-rest/task/" + task + "/submit-form", "supervisor",
                "{\"variables\":{\"triageDecision\":{\"value\":\"REDIRECT\"},"
                        + "\"redirectDepartmentCode\":{\"value\":\"GD-EDU\"}}}");
        assertThat(same.statusCode()).as(same.body()).isEqualTo(400);
        assertThat(same.body()).contains("案件已由该部门办理");

        // Refused entries leave the task open and unclaimed.
        assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();
    }

    @Test
    void aValueOfTheWrongTypeIsABadRequestToo() throws Exception {
        String tn = cases.fileAndRoute("GD-EDU", "SLOW_ACTION", "rest400type@example.com");
        String task = cases.task(tn, Activity.TRIAGE).getId();
        HttpResponse<String> response = post("/engine-rest/task/" + task + "/complete", "supervisor",
                "{\"variables\":{\"triageDecision\":{\"value\":42,\"type\":\"Integer\"}}}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    }

    @Test
    void completingAnUnclaimedTaskClaimsItForTheHandler() throws Exception {
        String tn = cases.fileAndRoute("GD-EDU", "SLOW_ACTION", "claim@example.com");
        cases.complete(tn, Activity.TRIAGE, Map.of("triageDecision", "ACCEPT"));
        String task = cases.task(tn, Activity.FIRST_FEEDBACK).getId();
        assertThat(cases.task(tn, Activity.FIRST_FEEDBACK).getAssignee()).isNull();

        HttpResponse<String> complete = post("/engine-rest/task/" + task + "/complete", "handler-gd-edu",
                "{\"variables\":{\"firstFeedbackText\":{\"value\":\"已收到，正在核查。\"}}}");
        assertThat(complete.statusCode()).as(complete.body()).isEqualTo(204);

        HistoricTaskInstance done = history.createHistoricTaskInstanceQuery().taskId(task).singleResult();
        assertThat(done.getEndTime()).isNotNull();
        assertThat(done.getAssignee()).isEqualTo("handler-gd-edu");
    }

    @Test
    void aTaskClaimedBySomeoneElseStaysTheirs() throws Exception {
        String tn = cases.fileAndRoute("GD-EDU", "SLOW_ACTION", "claimed@example.com");
        String task = cases.task(tn, Activity.TRIAGE).getId();
        tasks.claim(task, "supervision-head");
        HttpResponse<String> complete = post("/engine-rest/task/" + task + "/complete", "supervisor",
                "{\"variables\":{\"triageDecision\":{\"value\":\"ACCEPT\"}}}");
        assertThat(complete.statusCode()).as(complete.body()).isEqualTo(204);
        assertThat(history.createHistoricTaskInstanceQuery().taskId(task).singleResult().getAssignee())
                .isEqualTo("supervision-head");
    }

    private HttpResponse<String> post(String path, String user, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
