package org.opensupervision.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.Test;
import org.opensupervision.IntegrationTest;
import org.opensupervision.handling.CaseDriver;
import org.opensupervision.workflow.ComplaintProcess.Activity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 16: Tasklist's filters per role, over {@code /engine-rest} as Tasklist asks for them: a handler's first
 * (default) filter is his department's, the office's is its own; each role sees only its filters; every card shows
 * the 受理编号, title and department; the bilingual filters of earlier versions are gone.
 */
class TasklistFiltersTest extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    CaseDriver cases;
    @Autowired
    FilterService filters;
    @Autowired
    TasklistFilters tasklistFilters;
    @Autowired
    ObjectMapper json;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aHandlerOpensTasklistOnHisDepartmentsFilterAndSeesOnlyTheFiltersOfHisRole() throws Exception {
        assertThat(namesInTasklistOrder("handler-gd-edu"))
                .containsExactly("本部门待办", "待反馈", "已超时", "我的任务", "全部待办");
        assertThat(namesInTasklistOrder("supervisor"))
                .containsExactly("本机构待办", "待反馈", "已超时", "我的任务", "全部待办");
    }

    @Test
    void filtersOfEarlierVersionsAreReplacedOnStart() {
        Filter old = filters.newTaskFilter("我的部门任务 / My groups' tasks");
        old.setProperties(Map.of("priority", -10));
        filters.saveFilter(old);
        tasklistFilters.apply();
        tasklistFilters.apply();
        assertThat(filters.createFilterQuery().filterName("我的部门任务 / My groups' tasks").count()).isZero();
        assertThat(filters.createFilterQuery().filterName("本部门待办").count()).isEqualTo(1);
        assertThat(filters.createFilterQuery().list()).extracting(Filter::getName)
                .allSatisfy(name -> assertThat(name).doesNotContain(" / "));
    }

    @Test
    void theDepartmentsFilterListsItsCaseWithTheFactsOnTheCard() throws Exception {
        String tn = cases.fileAndRoute("GD-EDU", "SLOW_ACTION", "filters@example.com");
        cases.complete(tn, Activity.TRIAGE, Map.of("triageDecision", "ACCEPT"));

        JsonNode department = filter("handler-gd-edu", "本部门待办");
        List<String> shown = new ArrayList<>();
        department.path("properties").path("variables").forEach(v -> shown.add(v.path("name").asText()));
        assertThat(shown).containsExactly("trackingNumber", "title", "handlingDepartmentName");

        // What Tasklist asks for a filter's cards: the tasks with the variables the filter names.
        String cards = send("POST", "/engine-rest/filter/" + department.path("id").asText()
                + "/list?firstResult=0&maxResults=200", "handler-gd-edu", "{\"processVariables\":[{\"name\":"
                + "\"trackingNumber\",\"operator\":\"eq\",\"value\":\"" + tn + "\"}]}").body();
        String instance = cases.processInstanceId(tn);
        assertThat(cards).contains(instance).contains("首次反馈");
        String hal = sendHal("/engine-rest/filter/" + department.path("id").asText() + "/list", "handler-gd-edu",
                "{\"processVariables\":[{\"name\":\"trackingNumber\",\"operator\":\"eq\",\"value\":\"" + tn + "\"}]}");
        assertThat(hal).contains("\"handlingDepartmentName\"").contains("省教育厅");

        // Another department's handler does not see it in his department's filter.
        JsonNode other = filter("handler-gd-amr", "本部门待办");
        assertThat(send("POST", "/engine-rest/filter/" + other.path("id").asText() + "/list", "handler-gd-amr",
                "{\"processVariables\":[{\"name\":\"trackingNumber\",\"operator\":\"eq\",\"value\":\"" + tn
                        + "\"}]}").body()).doesNotContain(instance);
        // A handler cannot read the office's filter at all.
        JsonNode office = filter("supervisor", "本机构待办");
        assertThat(send("GET", "/engine-rest/filter/" + office.path("id").asText(), "handler-gd-edu", null)
                .statusCode()).isEqualTo(403);
    }

    @Test
    void feedbackDueListsTheFirstFeedbackOnlyWithinTheReminderWindow() throws Exception {
        String tn = cases.fileAndRoute("GD-EDU", "SLOW_ACTION", "feedbackdue@example.com");
        cases.complete(tn, Activity.TRIAGE, Map.of("triageDecision", "ACCEPT"));
        String id = filter("handler-gd-edu", "待反馈").path("id").asText();
        String body = "{\"processVariables\":[{\"name\":\"trackingNumber\",\"operator\":\"eq\",\"value\":\"" + tn
                + "\"}]}";
        String instance = cases.processInstanceId(tn);
        assertThat(send("POST", "/engine-rest/filter/" + id + "/list", "handler-gd-edu", body).body())
                .doesNotContain(instance);
        CaseDriver.moveClockTo(cases.task(tn, Activity.FIRST_FEEDBACK).getDueDate().toInstant()
                .minus(Duration.ofHours(3)));
        assertThat(send("POST", "/engine-rest/filter/" + id + "/list", "handler-gd-edu", body).body())
                .contains(instance);
    }

    private List<String> namesInTasklistOrder(String user) throws Exception {
        JsonNode list = json.readTree(send("GET", "/engine-rest/filter?resourceType=Task", user, null).body());
        List<JsonNode> found = new ArrayList<>();
        list.forEach(found::add);
        found.sort(Comparator.comparingInt(f -> f.path("properties").path("priority").asInt()));
        return found.stream().map(f -> f.path("name").asText()).toList();
    }

    private JsonNode filter(String user, String name) throws Exception {
        for (JsonNode f : json.readTree(send("GET", "/engine-rest/filter?resourceType=Task", user, null).body())) {
            if (f.path("name").asText().equals(name)) {
                return f;
            }
        }
        throw new AssertionError(user + " has no filter " + name);
    }

    private String sendHal(String path, String user, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/hal+json")
                .header("Content-Type", "application/json").header("Authorization", basic(user))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    private HttpResponse<String> send(String method, String path, String user, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json")
                .header("Authorization", basic(user));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }
}
