package org.opensupervision.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.opensupervision.IntegrationTest;
import org.opensupervision.OwnsPeriod;
import org.opensupervision.handling.CaseDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The department dashboard over real cases: what two new cases of a department change on it, as the engine moves
 * them (the suite shares one database, so the test compares the dashboard before and after).
 */
@OwnsPeriod(value = "2031-06", because = "reads the dashboard of the month")
class DepartmentDashboardTest extends IntegrationTest {

    /** Monday 2 June 2031, 09:00 in Shanghai: a month it owns ({@link OwnsPeriod}). */
    static final Instant START = Instant.parse("2031-06-02T01:00:00Z");

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    CaseDriver cases;

    private JsonNode dashboard(String department, String user) throws Exception {
        return json.readTree(mvc.perform(get("/api/departments/" + department + "/dashboard")
                        .with(httpBasic(user, user)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private static long open(JsonNode dashboard, String status, String field) {
        for (JsonNode row : dashboard.get("openByStatus")) {
            if (row.get("status").asText().equals(status)) {
                return row.get(field).asLong();
            }
        }
        return 0;
    }

    @Test
    void twoNewCasesShowAsOpenReceivedOverdueAndOneBreachOfThisMonth() throws Exception {
        CaseDriver.moveClockTo(START);
        JsonNode before = dashboard("GD-EDU", "handler-gd-edu");
        assertThat(before.get("month").asText()).isEqualTo("2031-06");
        String late = cases.fileAndRoute("GD-EDU", "SLOW_ACTION", "dash-1@example.com");
        cases.fileAndRoute("GD-EDU", "INACTION", "dash-2@example.com");

        JsonNode routed = dashboard("GD-EDU", "handler-gd-edu");
        assertThat(open(routed, "AWAITING_FIRST_FEEDBACK", "cases") - open(before, "AWAITING_FIRST_FEEDBACK", "cases"))
                .isEqualTo(2);
        assertThat(routed.get("receivedThisMonth").asLong() - before.get("receivedThisMonth").asLong()).isEqualTo(2);
        assertThat(routed.get("overdueOpen").asLong()).isEqualTo(before.get("overdueOpen").asLong());

        // 25 hours on: both first feedbacks are late; the breach timer of one of them has run.
        cases.advance(late, Duration.ofHours(25));
        JsonNode after = dashboard("GD-EDU", "supervisor");
        assertThat(after.get("overdueOpen").asLong() - before.get("overdueOpen").asLong()).isEqualTo(2);
        assertThat(after.get("firstFeedbackBreaches").asLong() - before.get("firstFeedbackBreaches").asLong())
                .isEqualTo(1);
        assertThat(open(after, "AWAITING_FIRST_FEEDBACK", "firstFeedbackBreached")
                - open(before, "AWAITING_FIRST_FEEDBACK", "firstFeedbackBreached")).isEqualTo(1);
        assertThat(after.get("handlingBreaches").asLong()).isEqualTo(before.get("handlingBreaches").asLong());
        assertThat(after.get("closedThisMonth").asLong()).isEqualTo(before.get("closedThisMonth").asLong());
    }

    @Test
    void anUnknownOrForeignDepartmentIsNotFound() throws Exception {
        mvc.perform(get("/api/departments/GD-NOSUCH/dashboard").with(httpBasic("supervisor", "supervisor")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/departments/GD-AMR/dashboard").with(httpBasic("handler-gd-edu", "handler-gd-edu")))
                .andExpect(status().isNotFound());
    }

    @Test
    void theApiDocumentationDescribesTheDashboardAndTheKpiMonth() throws Exception {
        String docs = mvc.perform(get("/api-docs")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(docs).contains("/api/departments/{code}/dashboard", "/api/kpi/months/{month}", "totalCapped");
    }

    @Test
    void theDashboardPageRendersInBothLanguages() throws Exception {
        String zh = mvc.perform(get("/staff/departments/GD-EDU/dashboard").with(httpBasic("supervisor", "supervisor")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(zh).contains("部门看板", "超时未结案件");
        String en = mvc.perform(get("/staff/departments/GD-EDU/dashboard?lang=en")
                        .with(httpBasic("supervisor", "supervisor")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(en).contains("Department dashboard", "Overdue open cases");
    }

    @Test
    void aDepartmentFindsItsDashboardFromItsCaseList() throws Exception {
        String handler = mvc.perform(get("/staff/complaints").with(httpBasic("handler-gd-edu", "handler-gd-edu")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(handler).contains("/staff/departments/GD-EDU/dashboard").doesNotContain("/GD-AMR/dashboard");
        String office = mvc.perform(get("/staff/complaints").with(httpBasic("supervisor", "supervisor")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(office).doesNotContain("/dashboard\"");
    }
}
