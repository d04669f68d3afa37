package org.opensupervision.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.FormService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensupervision.IntegrationTest;
import org.opensupervision.handling.CaseDriver;
import org.opensupervision.intake.ComplaintSubmission;
import org.opensupervision.workflow.ComplaintProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The complaint meets its case: a complaint naming an approval case number shows that case (stage, limits, cards,
 * link) on the staff complaint page, in the complaint API and in the forms of triage, first feedback and the office's
 * review, whichever of the two arrived first, and only to readers who may see the case. November 2026, GD-HRSS (whose
 * December approval cases {@link ApprovalPagesTest} owns).
 */
class ComplaintMeetsItsCaseTest extends IntegrationTest {

    static final String PERMIT = ApprovalPagesTest.PERMIT;
    static final String SUMMARY = "approvalCaseSummary";

    @Autowired
    MockMvc mvc;
    @Autowired
    CaseDriver cases;
    @Autowired
    FormService forms;

    ApprovalEvents events;

    @BeforeEach
    void inNovember() {
        events = new ApprovalEvents(mvc);
        CaseDriver.moveClockTo(Instant.parse("2026-11-18T02:00:00Z"));
    }

    @Test
    void aComplaintFiledBeforeItsCaseShowsTheCaseOnceItsEventsArrive() throws Exception {
        String caseId = ApprovalEvents.newCaseId("CMPFIRST");
        String trackingNumber = complaintAbout(caseId);
        mvc.perform(get("/api/complaints/" + trackingNumber).with(httpBasic("supervisor", "supervisor")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.approvalCaseNumber").value(caseId))
                .andExpect(jsonPath("$.approvalCase").doesNotExist());
        assertThat(page(trackingNumber, "supervisor")).contains("关联审批办件", "尚未报送")
                .doesNotContain("/staff/approval-cases/" + caseId);

        decidedBeforeAcceptance(caseId);

        mvc.perform(get("/api/complaints/" + trackingNumber).with(httpBasic("supervisor", "supervisor")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.approvalCase.caseId").value(caseId))
                .andExpect(jsonPath("$.approvalCase.status").value("DECIDED"))
                .andExpect(jsonPath("$.approvalCase.cards[0].colour").value("RED"))
                .andExpect(jsonPath("$.approvalCase.cards[0].cause").value("DECIDED_BEFORE_ACCEPTANCE"));
        assertThat(page(trackingNumber, "handler-gd-hrss")).contains("/staff/approval-cases/" + caseId, "红牌",
                "未受理先审批", "已决定");
    }

    @Test
    void aCaseReportedBeforeTheComplaintShowsOnTheComplaintFromTheStart() throws Exception {
        String caseId = ApprovalEvents.newCaseId("CASEFIRST");
        decidedBeforeAcceptance(caseId);
        String trackingNumber = complaintAbout(caseId);

        mvc.perform(get("/api/complaints/" + trackingNumber).with(httpBasic("handler-gd-hrss", "handler-gd-hrss")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.approvalCase.caseId").value(caseId))
                .andExpect(jsonPath("$.approvalCase.departmentCode").value("GD-HRSS"))
                .andExpect(jsonPath("$.approvalCase.submittedAt").exists());
        assertThat(page(trackingNumber, "supervisor")).contains("/staff/approval-cases/" + caseId, "红牌");
        assertThat(page(trackingNumber + "?lang=en", "supervisor")).contains("Linked approval case", "Red card");
    }

    @Test
    void aReaderWhoMayNotSeeTheCaseReadsTheComplaintWithoutIt() throws Exception {
        String caseId = ApprovalEvents.newCaseId("OTHER");
        events.with(caseId, "GD-AMR-005", "SUBMITTED", "2026-11-17T09:00:00+08:00").send("GD-AMR");
        String trackingNumber = complaintAbout(caseId);

        mvc.perform(get("/api/complaints/" + trackingNumber).with(httpBasic("handler-gd-hrss", "handler-gd-hrss")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.approvalCase").doesNotExist());
        assertThat(page(trackingNumber, "handler-gd-hrss")).doesNotContain("/staff/approval-cases/" + caseId);
        mvc.perform(get("/api/complaints/" + trackingNumber).with(httpBasic("supervisor", "supervisor")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.approvalCase.departmentCode").value("GD-AMR"));
        String firstFeedback = summary(trackingNumber, ComplaintProcess.Activity.FIRST_FEEDBACK);
        assertThat(firstFeedback).contains(caseId, "其他部门").doesNotContain("营业执照");
        assertThat(summary(trackingNumber, ComplaintProcess.Activity.TRIAGE)).contains(caseId, "申办");
    }

    @Test
    void theTriageAndFirstFeedbackFormsShowTheLinkedCasesTimelineAndCards() throws Exception {
        String caseId = ApprovalEvents.newCaseId("FORM");
        decidedBeforeAcceptance(caseId);
        String trackingNumber = complaintAbout(caseId);

        String triage = summary(trackingNumber, ComplaintProcess.Activity.TRIAGE);
        assertThat(triage).contains(caseId, "人力资源服务许可", "承诺时限", "申办",
                "审批决定", "红牌", "未受理先审批", "/staff/approval-cases/" + caseId)
                .doesNotContain("Promised limit", "Applied for", "Red card");
        assertThat(summary(trackingNumber, ComplaintProcess.Activity.FIRST_FEEDBACK)).contains(caseId, "红牌");

        ComplaintSubmission unlinked = CaseDriver.submission("GD-HRSS", "INACTION", "citizen@example.com");
        unlinked.setApprovalCaseNumber(null);
        String plain = cases.file(unlinked);
        cases.runDueJobs(plain);
        assertThat(storedSummary(plain, ComplaintProcess.Activity.TRIAGE)).as("the form says there is none").isNull();
        assertThat(storedSummary(plain, ComplaintProcess.Activity.FIRST_FEEDBACK)).isNull();
    }

    @Test
    void aCaseNotReportedYetLeavesTheTasksWithoutASummaryForTheFormToSaySo() throws Exception {
        String caseId = ApprovalEvents.newCaseId("LATER");
        String trackingNumber = complaintAbout(caseId);

        assertThat(storedSummary(trackingNumber, ComplaintProcess.Activity.TRIAGE)).isNull();
        assertThat(storedSummary(trackingNumber, ComplaintProcess.Activity.FIRST_FEEDBACK)).isNull();
        assertThat(forms.getTaskFormVariables(cases.task(trackingNumber, ComplaintProcess.Activity.TRIAGE).getId())
                .getValue(ComplaintProcess.Var.APPROVAL_CASE_NUMBER, String.class)).isEqualTo(caseId);
    }

    /** Absent or empty: form-js gives a text field without a variable an empty value, not null (the browser test). */
    @Test
    void theFormsShowAStoredSummaryAndOtherwiseSayWhyThereIsNone() throws Exception {
        for (String form : List.of("complaintTriage", "firstFeedback", "replyReview")) {
            List<JsonNode> components;
            try (InputStream in = getClass().getResourceAsStream("/forms/" + form + ".form")) {
                components = new ObjectMapper().readTree(in).findParents("id");
            }
            JsonNode field = byId(components, "Field_ApprovalCaseSummary");
            assertThat(field.path("key").asText()).as(form).isEqualTo(SUMMARY);
            assertThat(field.path("conditional").path("hide").asText()).as(form)
                    .isEqualTo("=approvalCaseSummary = null or approvalCaseSummary = \"\"");
            JsonNode none = byId(components, "Text_NoApprovalCaseSummary");
            assertThat(none.path("conditional").path("hide").asText()).as(form)
                    .isEqualTo("=not(approvalCaseSummary = null or approvalCaseSummary = \"\")");
            assertThat(none.path("text").asText()).as(form).contains("approvalCaseNumber = null or approvalCaseNumber = \"\"", "未关联审批办件",
                    "尚未报送");
        }
    }

    private static JsonNode byId(List<JsonNode> components, String id) {
        for (JsonNode component : components) {
            if (id.equals(component.path("id").asText())) {
                return component;
            }
        }
        throw new AssertionError("no component " + id);
    }

    private Object storedSummary(String trackingNumber, String taskKey) {
        return forms.getTaskFormVariables(cases.task(trackingNumber, taskKey).getId()).get(SUMMARY);
    }

    private String summary(String trackingNumber, String taskKey) {
        Object value = forms.getTaskFormVariables(cases.task(trackingNumber, taskKey).getId()).getValue(SUMMARY,
                Object.class);
        assertThat(value).isInstanceOf(String.class);
        return (String) value;
    }

    private String complaintAbout(String caseId) {
        ComplaintSubmission s = CaseDriver.submission("GD-HRSS", "SLOW_ACTION", "citizen@example.com");
        s.setApprovalCaseNumber(caseId);
        String trackingNumber = cases.file(s);
        cases.runDueJobs(trackingNumber);
        return trackingNumber;
    }

    private void decidedBeforeAcceptance(String caseId) throws Exception {
        events.with(caseId, PERMIT, "SUBMITTED", "2026-11-17T09:00:00+08:00");
        events.add(caseId, PERMIT, "DECIDED", "2026-11-17T15:00:00+08:00", "ONLINE").put("decision", "APPROVED");
        assertThat(events.send("GD-HRSS").get("accepted").asInt()).isEqualTo(2);
    }

    private String page(String trackingNumberAndQuery, String user) throws Exception {
        return mvc.perform(get("/staff/complaints/" + trackingNumberAndQuery).with(httpBasic(user, user)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
