package org.opensupervision.discipline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensupervision.CoversEveryPathOf;
import org.opensupervision.IntegrationTest;
import org.opensupervision.ReceivedMail;
import org.opensupervision.audit.AuditSource;
import org.opensupervision.audit.AuditTrail;
import org.opensupervision.handling.CaseDriver;
import org.opensupervision.rules.ProcessJobs;
import org.opensupervision.workflow.ComplaintProcess.Activity;
import org.opensupervision.workflow.SupervisionProcesses.Discipline;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every path of {@code disciplinary-escalation}, timers included: a triage referral closed at preliminary review as
 * no violation; a referral whose preliminary review and investigation run late (the head of discipline inspection
 * gets them), with one extension and a graded decision; and the referral dossier with the complainant sealed.
 */
@CoversEveryPathOf(Discipline.KEY)
class DisciplinaryEscalationProcessTest extends IntegrationTest {

    /** Monday 1 June 2026, 09:00 in Shanghai. */
    static final Instant JUNE_MONDAY = Instant.parse("2026-06-01T01:00:00Z");

    @Autowired
    ProcessEngine engine;
    @Autowired
    CaseDriver cases;
    @Autowired
    ProcessJobs jobs;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    DisciplinaryCases disciplinaryCases;
    @Autowired
    MockMvc mvc;
    @Autowired
    AuditTrail audit;

    @BeforeEach
    void startInJune() {
        init(engine);
        CaseDriver.moveClockTo(JUNE_MONDAY);
    }

    /** Files an integrity complaint and escalates it at triage, as the supervision office would. */
    private ProcessInstance escalatedAtTriage(String department) {
        String trackingNumber = cases.fileAndRoute(department, "INTEGRITY", "discipline@example.com");
        cases.complete(trackingNumber, Activity.TRIAGE, Map.of("triageDecision", "ESCALATE",
                "triageReason", "窗口人员暗示需缴纳“加急费”"));
        jobs.runDueJobs(trackingNumber);
        return jobs.instances(Discipline.KEY, trackingNumber).get(0);
    }

    private Task task(ProcessInstance instance, String key) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).singleResult();
    }

    private void complete(ProcessInstance instance, String key, Map<String, Object> variables) {
        tasks.complete(task(instance, key).getId(), variables);
        jobs.runDueJobs(instance.getBusinessKey());
    }

    private List<String> candidateGroups(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream().filter(l -> l.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
    }

    private DisciplinaryCase disciplinaryCase(ProcessInstance instance) {
        return disciplinaryCases.ofComplaint(instance.getBusinessKey()).get(0);
    }

    private List<ReceivedMail> mails(String trackingNumber, String subjectPart) {
        // One message arrives per recipient: count each mail once.
        return mailsSentAbout(trackingNumber).stream().filter(m -> m.subject().contains(subjectPart))
                .distinct().toList();
    }

    @Test
    void aTriageReferralFoundToBeNoCaseIsClosedAsNoViolationAndNotified() {
        ProcessInstance instance = escalatedAtTriage("GD-HUD");

        assertThat(instance).isWaitingAt(Discipline.PRELIMINARY_REVIEW_TASK);
        DisciplinaryCase opened = disciplinaryCase(instance);
        assertThat(opened.getSource()).isEqualTo(EscalationSource.TRIAGE);
        assertThat(opened.getDepartmentCode()).isEqualTo("GD-HUD");
        assertThat(opened.getReason()).isEqualTo("窗口人员暗示需缴纳“加急费”");
        Task review = task(instance, Discipline.PRELIMINARY_REVIEW_TASK);
        assertThat(candidateGroups(review)).containsExactly("discipline-inspection");
        assertThat(review.getDueDate().toInstant()).isEqualTo(opened.getPreliminaryReviewDueAt())
                .isEqualTo(Instant.parse("2026-06-08T16:00:00Z"));
        assertThatThrownBy(() -> tasks.complete(review.getId(), Map.of("preliminaryFinding", "NO_CASE")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("「不予立案理由」");

        complete(instance, Discipline.PRELIMINARY_REVIEW_TASK, Map.of("preliminaryFinding", "NO_CASE",
                "outcomeReason", "经核实系误解，收费有明文依据"));

        assertThat(instance).hasPassed("Task_RecordDisciplinaryOutcome", "Task_SendDisciplinaryOutcome",
                "EndEvent_CaseDecided").isEnded();
        DisciplinaryCase decided = disciplinaryCase(instance);
        assertThat(decided.getPreliminaryFinding()).isEqualTo("NO_CASE");
        assertThat(decided.getOutcome()).isEqualTo(DisciplinaryOutcome.NO_VIOLATION);
        assertThat(disciplinaryCases.decidedBetween(JUNE_MONDAY, JUNE_MONDAY.plus(Duration.ofDays(1))))
                .extracting(DisciplinaryCase::getId).contains(decided.getId());
        List<ReceivedMail> outcome = mails(instance.getBusinessKey(), "执纪问责结果");
        assertThat(outcome).hasSize(1);
        assertThat(outcome.get(0).to()).containsExactly("complaints@hud.example.gov.cn",
                "supervision-office@example.gov.cn");
        assertThat(outcome.get(0).cc()).containsExactly("head@hud.example.gov.cn");
        assertThat(outcome.get(0).body()).contains("无违规", "经核实系误解");
    }

    @Test
    void overdueStepsGoToTheHeadAndTheInvestigationIsExtendedOnceBeforeAGradedDecision() {
        ProcessInstance instance = escalatedAtTriage("GD-EE");
        DisciplinaryCase opened = disciplinaryCase(instance);

        cases.advanceTo(instance.getBusinessKey(), opened.getPreliminaryReviewDueAt().plus(Duration.ofMinutes(1)));
        jobs.runDueJobs(instance.getBusinessKey());
        assertThat(instance).hasPassed("Task_EscalatePreliminaryReviewOverdue", "EndEvent_PreliminaryReviewEscalated")
                .isWaitingAt(Discipline.PRELIMINARY_REVIEW_TASK);
        assertThat(candidateGroups(task(instance, Discipline.PRELIMINARY_REVIEW_TASK)))
                .containsExactlyInAnyOrder("discipline-inspection", "discipline-head");
        assertThat(mails(instance.getBusinessKey(), "纪检超时")).hasSize(1).allSatisfy(
                m -> assertThat(m.to()).containsExactly("discipline-head@example.gov.cn"));

        complete(instance, Discipline.PRELIMINARY_REVIEW_TASK, Map.of("preliminaryFinding", "INVESTIGATE"));
        Task investigation = task(instance, Discipline.INVESTIGATION_TASK);
        Instant firstDue = disciplinaryCase(instance).getInvestigationDueAt();
        assertThat(investigation.getDueDate().toInstant()).isEqualTo(firstDue);
        assertThatThrownBy(() -> tasks.complete(investigation.getId(), Map.of("investigationAction", "EXTEND",
                "investigationExtensionWorkingDays", 10)))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("「延期理由」");

        complete(instance, Discipline.INVESTIGATION_TASK, Map.of("investigationAction", "EXTEND",
                "investigationExtensionReason", "需调取窗口监控录像", "investigationExtensionWorkingDays", 10));
        DisciplinaryCase extended = disciplinaryCase(instance);
        assertThat(extended.getInvestigationDueAt()).isAfter(firstDue);
        assertThat(extended.getExtensionReason()).isEqualTo("需调取窗口监控录像");
        Task again = task(instance, Discipline.INVESTIGATION_TASK);
        assertThat(again.getDueDate().toInstant()).isEqualTo(extended.getInvestigationDueAt());
        assertThatThrownBy(() -> tasks.complete(again.getId(), Map.of("investigationAction", "EXTEND",
                "investigationExtensionReason", "再延", "investigationExtensionWorkingDays", 5)))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("不能再次延期");

        cases.advanceTo(instance.getBusinessKey(), extended.getInvestigationDueAt().plus(Duration.ofMinutes(1)));
        jobs.runDueJobs(instance.getBusinessKey());
        assertThat(instance).hasPassed("Task_EscalateInvestigationOverdue", "EndEvent_InvestigationEscalated");
        assertThat(candidateGroups(task(instance, Discipline.INVESTIGATION_TASK))).contains("discipline-head");
        assertThat(disciplinaryCase(instance).getOverdueEscalations()).isEqualTo(2);

        complete(instance, Discipline.INVESTIGATION_TASK, Map.of("investigationAction", "CONCLUDE",
                "investigationFindings", "经调查，窗口人员两次暗示收取加急费，未实际收取。"));
        Task decision = task(instance, Discipline.DECISION_TASK);
        Map<String, Object> unknown = new HashMap<>(Map.of("disciplinaryOutcome", "FIRED", "outcomeReason", "x"));
        assertThatThrownBy(() -> tasks.complete(decision.getId(), unknown))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("「处理结果」");
        // The decision has its own due date (issue 13): reminded the working day before, then the head's as well.
        assertThat(decision.getDueDate()).isNotNull();
        assertThat(decision.getFollowUpDate()).isBefore(decision.getDueDate());
        cases.advanceTo(instance.getBusinessKey(), decision.getFollowUpDate().toInstant().plus(Duration.ofMinutes(1)));
        jobs.runDueJobs(instance.getBusinessKey());
        cases.advanceTo(instance.getBusinessKey(), decision.getDueDate().toInstant().plus(Duration.ofMinutes(1)));
        jobs.runDueJobs(instance.getBusinessKey());
        assertThat(instance).hasPassed("Task_RemindDecision", "EndEvent_DecisionReminded", "Task_EscalateDecision",
                "EndEvent_DecisionEscalated").isWaitingAt(Discipline.DECISION_TASK);
        assertThat(candidateGroups(task(instance, Discipline.DECISION_TASK))).contains("discipline-head");
        assertThat(mails(instance.getBusinessKey(), "）即将到期")).singleElement()
                .satisfies(m -> assertThat(m.to()).containsExactly("discipline-head@example.gov.cn"));
        complete(instance, Discipline.DECISION_TASK, Map.of("disciplinaryOutcome", "ADMONITION_TALK",
                "outcomeReason", "情节较轻，予以诫勉谈话"));

        assertThat(instance).hasPassed("Task_ExtendInvestigation", "Task_RecordDisciplinaryOutcome").isEnded();
        DisciplinaryCase decided = disciplinaryCase(instance);
        assertThat(decided.getOutcome()).isEqualTo(DisciplinaryOutcome.ADMONITION_TALK);
        assertThat(decided.getFindings()).startsWith("经调查");
        assertThat(mails(instance.getBusinessKey(), "执纪问责结果")).hasSize(1)
                .allSatisfy(m -> assertThat(m.body()).contains("诫勉谈话"));
    }

    @Test
    void theReferralDossierSealsTheComplainantUnlessAnInspectorUnsealsItWithAReason() throws Exception {
        ProcessInstance instance = escalatedAtTriage("GD-TD");
        Long caseId = disciplinaryCase(instance).getId();

        String sealed = mvc.perform(get("/staff/discipline/" + caseId).with(httpBasic("inspector", "inspector")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(sealed).contains(instance.getBusinessKey(), "投诉人身份已密封", "移交纪检")
                .doesNotContain("张三", "13800138000", "discipline@example.com");

        String refused = mvc.perform(post("/staff/discipline/" + caseId + "/unseal").param("reason", " ")
                        .with(csrf()).with(httpBasic("inspector", "inspector")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("启封须填写理由").doesNotContain("张三");
        String tooLong = mvc.perform(post("/staff/discipline/" + caseId + "/unseal").param("reason", "理".repeat(2001))
                        .with(csrf()).with(httpBasic("inspector", "inspector")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(tooLong).contains("启封理由不得超过 2000 个字符").doesNotContain("张三");

        String unsealed = mvc.perform(post("/staff/discipline/" + caseId + "/unseal")
                        .param("reason", "需当面核实投诉人陈述").with(csrf()).with(httpBasic("inspector", "inspector")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(unsealed).contains("张三", "13800138000", "需当面核实投诉人陈述");
        ReferralDossier dossier = disciplinaryCases.dossier(caseId);
        assertThat(dossier.sealed()).isTrue();
        assertThat(dossier.unsealings()).singleElement().satisfies(u -> {
            assertThat(u.getUnsealedBy()).isEqualTo("inspector");
            assertThat(u.getReason()).isEqualTo("需当面核实投诉人陈述");
        });
        // The unsealing is in the case's hash-chained trail too: who and why, not whom it revealed.
        assertThat(audit.entriesOf(instance.getBusinessKey()))
                .filteredOn(e -> e.kind().equals("DOSSIER_UNSEALED")).singleElement().satisfies(e -> {
                    assertThat(e.source()).isEqualTo(AuditSource.STAFF);
                    assertThat(e.actor()).isEqualTo("inspector");
                    assertThat(e.reason()).isEqualTo("需当面核实投诉人陈述");
                    assertThat(e.detail()).contains(String.valueOf(caseId)).doesNotContain("张三", "13800138000",
                            "discipline@example.com");
                });
        assertThat(audit.verify(instance.getBusinessKey()).intact()).isTrue();
        assertThat(mvc.perform(get("/staff/discipline").with(httpBasic("inspector", "inspector")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains(instance.getBusinessKey());
    }
}
