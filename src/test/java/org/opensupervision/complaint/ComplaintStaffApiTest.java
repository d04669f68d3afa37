package org.opensupervision.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.opensupervision.IntegrationTest;
import org.opensupervision.handling.CaseDriver;
import org.opensupervision.intake.ComplaintSubmission;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ComplaintStaffApiTest extends IntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    CaseDriver cases;
    @Autowired
    IdentityService identity;

    private String file(String marker, String department, String category, Instant at) {
        CaseDriver.moveClockTo(at);
        ComplaintSubmission s = CaseDriver.submission(department, category, "staff-list@example.com");
        s.setTitle(marker + " " + category);
        return cases.file(s);
    }

    private JsonNode list(String query) throws Exception {
        return json.readTree(mvc.perform(get("/api/complaints?" + query).with(httpBasic("supervisor", "supervisor")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    @Test
    void staffEndpointsNeedALogin() throws Exception {
        mvc.perform(get("/api/complaints")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/complaints/TS20260101-AAAAAA")).andExpect(status().isUnauthorized());
        try {
            mvc.perform(get("/api/complaints").with(httpBasic("inspector", "wrong")))
                    .andExpect(status().isUnauthorized());
        } finally {
            // The engine locks a user for a while after a wrong password, measured on its clock: a later test that
            // moves that clock into the past would find the inspector locked for good.
            identity.unlockUser("inspector");
        }
        mvc.perform(get("/staff/complaints").accept("text/html")).andExpect(status().is3xxRedirection());
    }

    @Test
    void aPageBeyondWhatAnOffsetCanHoldIsA400AndTheStaffPageShowsAnEmptyLastPage() throws Exception {
        mvc.perform(get("/api/complaints?page=2147483647&size=100").with(httpBasic("supervisor", "supervisor")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("page"));
        mvc.perform(get("/api/complaints?page=21474836&size=100").with(httpBasic("supervisor", "supervisor")))
                .andExpect(status().isBadRequest());
        // The last page that can be asked for is read (empty) at the largest size.
        mvc.perform(get("/api/complaints?page=21474835&size=100").with(httpBasic("supervisor", "supervisor")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.content").isEmpty());
        mvc.perform(get("/staff/complaints?page=2147483647&size=100").accept("text/html")
                .with(httpBasic("supervisor", "supervisor"))).andExpect(status().isOk());
        mvc.perform(get("/staff/mail?page=2147483647").accept("text/html")
                .with(httpBasic("supervisor", "supervisor"))).andExpect(status().isOk());
    }

    @Test
    void staffFilterSortAndPageTheList() throws Exception {
        String marker = "LISTMARK" + System.nanoTime();
        Instant start = Instant.parse("2026-03-02T01:00:00Z");
        List<String> amr = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            amr.add(file(marker, "GD-AMR", "SLOW_ACTION", start.plus(Duration.ofHours(i))));
        }
        String edu = file(marker, "GD-EDU", "ATTITUDE", start.plus(Duration.ofDays(3)));

        JsonNode all = list("q=" + marker + "&sort=submittedAt,asc&size=2");
        assertThat(all.get("totalElements").asInt()).isEqualTo(4);
        assertThat(all.get("totalCapped").asBoolean()).isFalse();
        assertThat(all.get("hasNext").asBoolean()).isTrue();
        assertThat(all.get("totalPages").asInt()).isEqualTo(2);
        assertThat(all.get("content").findValuesAsText("trackingNumber")).containsExactly(amr.get(0), amr.get(1));
        JsonNode second = list("q=" + marker + "&sort=submittedAt,asc&size=2&page=1");
        assertThat(second.get("content").findValuesAsText("trackingNumber")).containsExactly(amr.get(2), edu);
        assertThat(second.get("hasNext").asBoolean()).isFalse();
        assertThat(second.get("totalElements").asInt()).isEqualTo(4);

        assertThat(list("q=" + marker + "&department=GD-EDU").get("content").findValuesAsText("trackingNumber"))
                .containsExactly(edu);
        assertThat(list("q=" + marker + "&category=SLOW_ACTION").get("totalElements").asInt()).isEqualTo(3);
        // Filed and routed at once (the starter runs right after the intake's commit).
        assertThat(list("q=" + marker + "&status=AWAITING_FIRST_FEEDBACK").get("totalElements").asInt()).isEqualTo(4);
        assertThat(list("q=" + marker + "&from=2026-03-05&to=2026-03-05").get("content")
                .findValuesAsText("trackingNumber")).containsExactly(edu);

        // Two days later, every first feedback is late.
        CaseDriver.moveClockTo(start.plus(Duration.ofDays(2)));
        assertThat(list("q=" + marker + "&overdue=true").get("content").findValuesAsText("trackingNumber"))
                .containsExactlyInAnyOrderElementsOf(amr);
        assertThat(list("q=" + marker + "&overdue=false").get("content").findValuesAsText("trackingNumber"))
                .containsExactly(edu);
    }

    @Test
    void anUnknownSortFieldOrStatusIsAProblem() throws Exception {
        mvc.perform(get("/api/complaints?sort=password,asc").with(httpBasic("supervisor", "supervisor")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sort"));
        mvc.perform(get("/api/complaints?status=LOST").with(httpBasic("supervisor", "supervisor")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:opensupervision:problem:validation-failed"))
                .andExpect(jsonPath("$.errors[0].field").value("status"))
                .andExpect(jsonPath("$.errors[0].message").value("参数值“LOST”无效。"));
    }

    @Test
    void oneComplaintIsReadByTrackingNumberOr404() throws Exception {
        String trackingNumber = cases.fileAndRoute("GD-TD", "INACTION", "one@example.com");

        mvc.perform(get("/api/complaints/" + trackingNumber).with(httpBasic("supervisor", "supervisor")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.trackingNumber").value(trackingNumber))
                .andExpect(jsonPath("$.status").value("AWAITING_FIRST_FEEDBACK"))
                .andExpect(jsonPath("$.handlingDepartmentCode").value("GD-TD"))
                .andExpect(jsonPath("$.priority").value(70))
                .andExpect(jsonPath("$.contact.email").value("one@example.com"));
        mvc.perform(get("/api/complaints/TS20260101-NOSUCH").with(httpBasic("supervisor", "supervisor")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:opensupervision:problem:not-found"));
    }

    @Test
    void theStaffPagesRenderForALoggedInUser() throws Exception {
        String trackingNumber = cases.fileAndRoute("GD-HC", "OTHER", "page@example.com");
        String list = mvc.perform(get("/staff/complaints").with(httpBasic("demo", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("投诉案件", trackingNumber);
        String one = mvc.perform(get("/staff/complaints/" + trackingNumber).with(httpBasic("demo", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(one).contains(trackingNumber, "省卫生健康委员会", "待首次反馈");
    }
}
