package org.opensupervision.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opensupervision.IntegrationTest;
import org.opensupervision.WebappBrowser;
import org.opensupervision.handling.CaseDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Issue 16: the Cockpit plugin 监察总览, served by the application inside Cockpit's own web application, over real
 * HTTP in real webapp sessions: Cockpit lists it, its {@code plugin.js} is served, and its data follows the staff
 * pages' rules (the offices every department, a handler their own, anyone else 403).
 */
class CockpitPluginTest extends IntegrationTest {

    /** Monday 1 March 2032, 09:00 in Shanghai: a week no other test files cases in. */
    static final Instant MONDAY = Instant.parse("2032-03-01T01:00:00Z");
    private static final String OVERVIEW = "/camunda/api/cockpit/plugin/supervision-dashboard/default/overview";

    @LocalServerPort
    int port;
    @Autowired
    CaseDriver cases;
    @Autowired
    ObjectMapper json;

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private JsonNode overview(WebappBrowser browser, String query) throws Exception {
        HttpResponse<String> answer = browser.get(OVERVIEW + query, "application/json");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        return json.readTree(answer.body());
    }

    private static JsonNode department(JsonNode overview, String code) {
        for (JsonNode row : overview.get("departments")) {
            if (row.get("code").asText().equals(code)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + code + " in " + overview.get("departments"));
    }

    private static List<String> trackingNumbers(JsonNode cases) {
        List<String> numbers = new ArrayList<>();
        cases.forEach(c -> numbers.add(c.get("trackingNumber").asText()));
        return numbers;
    }

    @Test
    void cockpitListsThePluginAndServesItsModule() throws Exception {
        WebappBrowser supervisor = WebappBrowser.loggedIn(base(), "cockpit", "supervisor");
        assertThat(supervisor.loginStatus()).isEqualTo(200);

        // Cockpit's page names every plugin package it loads, with where its plugin.js lives.
        HttpResponse<String> page = supervisor.get("/camunda/app/cockpit/default/", "text/html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("cockpit-plugin-supervision-dashboard",
                "/api/cockpit/plugin/supervision-dashboard/static/app");

        HttpResponse<String> module = supervisor.get(
                "/camunda/api/cockpit/plugin/supervision-dashboard/static/app/plugin.js", "*/*");
        assertThat(module.statusCode()).isEqualTo(200);
        assertThat(module.headers().firstValue("Content-Type").orElse("")).startsWith("text/javascript");
        assertThat(module.body()).contains("export default", "'cockpit.dashboard'", "'cockpit.route'",
                "'cockpit.navigation'", "render:");
    }

    @Test
    void supervisorsSeeEveryDepartmentAndAHandlerOnlyTheirOwn() throws Exception {
        CaseDriver.moveClockTo(MONDAY);
        WebappBrowser supervisor = WebappBrowser.loggedIn(base(), "cockpit", "supervisor");
        JsonNode before = overview(supervisor, "");
        String edu = cases.fileAndRoute("GD-EDU", "SLOW_ACTION", "overview-1@example.com");
        String amr = cases.fileAndRoute("GD-AMR", "SLOW_ACTION", "overview-2@example.com");

        // 21 hours on, the first feedback of both is due within the 4 hours of its reminder.
        CaseDriver.moveClockTo(MONDAY.plus(Duration.ofHours(21)));
        JsonNode near = overview(supervisor, "");
        assertThat(near.get("labels").get("title").asText()).isEqualTo("监察总览");
        assertThat(department(near, "GD-EDU").get("name").asText()).isEqualTo("省教育厅");
        assertThat(department(near, "GD-EDU").get("nearDeadline").asLong()
                - department(before, "GD-EDU").get("nearDeadline").asLong()).isEqualTo(1);
        assertThat(department(near, "GD-AMR").get("nearDeadline").asLong()
                - department(before, "GD-AMR").get("nearDeadline").asLong()).isEqualTo(1);
        assertThat(trackingNumbers(near.get("nearDeadline"))).contains(edu, amr);
        JsonNode eduCase = null;
        for (JsonNode c : near.get("nearDeadline")) {
            if (c.get("trackingNumber").asText().equals(edu)) {
                eduCase = c;
            }
        }
        assertThat(eduCase.get("instanceLink").asText())
                .isEqualTo("#/process-instance/" + cases.processInstanceId(edu) + "/runtime");
        assertThat(eduCase.get("caseLink").asText()).isEqualTo("/staff/complaints/" + edu);
        assertThat(eduCase.get("deadline").asText()).isEqualTo("首次反馈");
        assertThat(eduCase.get("dueAt").asText()).isEqualTo("2032-03-02 09:00");

        WebappBrowser handler = WebappBrowser.loggedIn(base(), "tasklist", "handler-gd-edu");
        JsonNode own = overview(handler, "");
        assertThat(own.get("departments")).singleElement()
                .satisfies(row -> assertThat(row.get("code").asText()).isEqualTo("GD-EDU"));
        assertThat(trackingNumbers(own.get("nearDeadline"))).contains(edu).doesNotContain(amr);

        // 25 hours on, the GD-EDU case missed its first feedback: overdue, and a breach of this week.
        cases.advanceTo(edu, MONDAY.plus(Duration.ofHours(25)));
        JsonNode late = overview(supervisor, "?lang=en");
        assertThat(late.get("labels").get("title").asText()).isEqualTo("Province overview");
        assertThat(department(late, "GD-EDU").get("name").asText()).isNotEqualTo("省教育厅");
        assertThat(department(late, "GD-EDU").get("overdue").asLong()
                - department(before, "GD-EDU").get("overdue").asLong()).isEqualTo(1);
        assertThat(department(late, "GD-EDU").get("breachesThisWeek").asLong()
                - department(before, "GD-EDU").get("breachesThisWeek").asLong()).isEqualTo(1);
        assertThat(trackingNumbers(late.get("nearDeadline"))).doesNotContain(edu);
    }

    @Test
    void whoSeesNoDepartmentGetsNoPermissionAndNobodyIsLetIn() throws Exception {
        WebappBrowser inspector = WebappBrowser.loggedIn(base(), "cockpit", "inspector");
        assertThat(inspector.loginStatus()).isEqualTo(200);
        HttpResponse<String> refused = inspector.get(OVERVIEW, "application/json");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json.readTree(refused.body()).get("title").asText()).isEqualTo("无权限");

        assertThat(WebappBrowser.anonymous(base()).get(OVERVIEW, "application/json").statusCode()).isEqualTo(401);
        // The session is a login to one engine; Camunda's filter refuses it for another before the plugin runs.
        WebappBrowser supervisor = WebappBrowser.loggedIn(base(), "cockpit", "supervisor");
        assertThat(supervisor.get("/camunda/api/cockpit/plugin/supervision-dashboard/other-engine/overview",
                "application/json").statusCode()).isEqualTo(401);
    }
}
