package org.opensupervision.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.opensupervision.IntegrationTest;
import org.opensupervision.handling.CaseDriver;
import org.opensupervision.workflow.ComplaintProcess.Activity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Staff see the merged timeline, a printable page and the dossier of a case. */
class CaseTimelineTest extends IntegrationTest {

    @Autowired
    CaseDriver cases;
    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    HistoryService history;
    @Autowired
    RuntimeService runtime;

    private String triagedBySupervisor() {
        CaseDriver.moveClockTo(Instant.parse("2026-03-02T01:00:00Z"));
        String tn = cases.fileAndRoute("GD-EDU", "SLOW_ACTION", "timeline.person@example.com");
        cases.completeAs("supervisor", tn, Activity.TRIAGE, Map.of("triageDecision", "ACCEPT"));
        return tn;
    }

    private String body(String url, String tn) throws Exception {
        return mvc.perform(get(url, tn).with(httpBasic("supervisor", "supervisor"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theTimelineTellsTheCaseFromTheAuditTrail() throws Exception {
        String tn = triagedBySupervisor();

        JsonNode items = json.readTree(body("/api/complaints/{tn}/timeline", tn));

        assertThat(items.findValuesAsText("origin")).contains("ENGINE", "STAFF");
        assertThat(items.findValuesAsText("title")).contains("分办审核", "首次反馈",
                "确定承办部门");
        // Routing is the activity Task_RouteComplaint: its table is evaluated in Java, not by the DMN engine.
        assertThat(items.findValuesAsText("kind")).contains("PROCESS_STARTED", "TASK_CREATED", "TASK_COMPLETED",
                "ACTIVITY_EXECUTED").doesNotContain("VARIABLES_SET", "DECISION_EVALUATED");
        assertThat(items.findValuesAsText("element")).contains("Task_RouteComplaint");
        assertThat(items).filteredOn(i -> i.get("kind").asText().equals("TASK_COMPLETED")).singleElement()
                .satisfies(i -> {
                    assertThat(i.get("element").asText()).isEqualTo("Task_Triage");
                    assertThat(i.get("actor").asText()).isEqualTo("supervisor");
                });
        Instant previous = Instant.MIN;
        for (JsonNode item : items) {
            Instant at = Instant.parse(item.get("at").asText());
            assertThat(at).isAfterOrEqualTo(previous);
            previous = at;
        }
    }

    @Test
    void thePrintablePageAndTheDossierHoldTheWholeCaseWithoutContactData() throws Exception {
        String tn = triagedBySupervisor();

        String page = body("/staff/complaints/{tn}/timeline?view=raw", tn);
        assertThat(page).contains("案件时间线", tn, "审计链完整", "分办审核", "TASK_COMPLETED");

        String dossier = mvc.perform(get("/api/complaints/{tn}/dossier", tn).with(httpBasic("supervisor",
                        "supervisor")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"dossier-" + tn + ".json\""))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        JsonNode node = json.readTree(dossier);
        assertThat(node.at("/complaint/trackingNumber").asText()).isEqualTo(tn);
        assertThat(node.at("/verification/intact").asBoolean()).isTrue();
        assertThat(node.at("/auditTrail").size()).isEqualTo(node.at("/verification/entries").asInt()).isPositive();
        assertThat(node.has("ratings")).isTrue();
        assertThat(node.has("timeline")).isTrue();
        assertThat(dossier).doesNotContain("timeline.person", "张三", "13800138000");
    }

    @Test
    void thePageTellsTheCaseInWordsWithNamesAndBeijingTimeAndTheRawTrailOneClickAway() throws Exception {
        String tn = triagedBySupervisor();

        String page = body("/staff/complaints/{tn}/timeline", tn);
        assertThat(page).contains("案件经过", "时间（北京时间）", "投诉已登记，开始办理", "已分派至省教育厅",
                "效能监督机构已完成分办审核", "省教育厅待首次反馈（期限 2026-03-03 09:00）", "督查专员", "交由 省教育厅",
                "2026-03-02 09:00", "view=raw", "原始审计记录");
        // No group or user ids, no raw kinds or JSON in the words.
        assertThat(page).doesNotContain("TASK_COMPLETED", "dept-gd-edu", ">supervisor<", "{&quot;");

        String english = body("/staff/complaints/{tn}/timeline?lang=en", tn);
        assertThat(english).contains("The supervision office triaged the case",
                "First feedback due from Department of Education (2026-03-03 09:00)", "Raw audit trail");

        String raw = body("/staff/complaints/{tn}/timeline?view=raw", tn);
        assertThat(raw).contains("TASK_COMPLETED", "分办审核", "supervisor", "dept-gd-edu");
    }

    @Test
    void theTimelineAndDossierOutliveCamundasHistory() throws Exception {
        String tn = triagedBySupervisor();
        String before = body("/api/complaints/{tn}/timeline", tn);
        String processInstanceId = cases.processInstanceId(tn);
        // As Camunda's history cleanup leaves it once the history time to live has passed.
        runtime.deleteProcessInstance(processInstanceId, "test: the case's engine data gone");
        history.deleteHistoricProcessInstance(processInstanceId);
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId).count())
                .isZero();

        JsonNode items = json.readTree(body("/api/complaints/{tn}/timeline", tn));
        assertThat(items.findValuesAsText("title")).contains("分办审核", "首次反馈");
        assertThat(body("/api/complaints/{tn}/timeline", tn)).startsWith(before.substring(0, before.length() - 1));
        JsonNode dossier = json.readTree(body("/api/complaints/{tn}/dossier", tn));
        assertThat(dossier.at("/verification/intact").asBoolean()).isTrue();
    }

    @Test
    void anUnknownCaseHasNoTimeline() throws Exception {
        mvc.perform(get("/api/complaints/{tn}/timeline", "TS20990101-NOPE00").with(httpBasic("supervisor",
                "supervisor"))).andExpect(status().isNotFound());
    }
}
