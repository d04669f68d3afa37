package org.opensupervision.spotcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensupervision.CoversEveryPathOf;
import org.opensupervision.IntegrationTest;
import org.opensupervision.complaint.ComplaintRecords;
import org.opensupervision.complaint.ComplaintStatus;
import org.opensupervision.handling.CaseDriver;
import org.opensupervision.rules.ProcessJobs;
import org.opensupervision.rules.RuleAction;
import org.opensupervision.rules.SupervisionRules;
import org.opensupervision.workflow.ComplaintProcess.Activity;
import org.opensupervision.workflow.SupervisionProcesses.SpotCheck;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every path of {@code spot-check}: the weekly timer draws a round from the cases closed in the week before; a
 * matching record passes; a discrepancy reopens the case for its department and is judged by the rules (here an
 * integrity case, which the discipline rules escalate); a week without closed cases ends at once. The report is a
 * staff page and a CSV. Runs in July and August 2026, when no other test closes cases.
 */
@CoversEveryPathOf(SpotCheck.KEY)
class SpotCheckProcessTest extends IntegrationTest {

    /** Monday 6 July 2026, 09:00 in Shanghai: the cases are filed and closed that week. */
    static final Instant JULY_6 = Instant.parse("2026-07-06T01:00:00Z");
    /** Monday 13 July 2026, 09:00 in Shanghai: the spot check of the week 6–12 July runs. */
    static final Instant JULY_13 = Instant.parse("2026-07-13T01:00:00Z");

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
    ManagementService management;
    @Autowired
    SpotChecks spotChecks;
    @Autowired
    SupervisionRules rules;
    @Autowired
    ComplaintRecords complaints;
    @Autowired
    MockMvc mvc;

    @BeforeEach
    void initEngine() {
        init(engine);
    }

    private String closedCase(String department, String category) {
        String trackingNumber = cases.fileAndRoute(department, category, "spot-check@example.com");
        cases.complete(trackingNumber, Activity.TRIAGE, Map.of("triageDecision", "ACCEPT"));
        cases.complete(trackingNumber, Activity.FIRST_FEEDBACK, Map.of("firstFeedbackText", "已受理。"));
        cases.complete(trackingNumber, Activity.HANDLING, Map.of("handlingAction", "REPLY", "replyText", "已办结。"));
        cases.complete(trackingNumber, Activity.REVIEW_REPLY, Map.of("reviewDecision", "APPROVE"));
        assertThat(complaints.find(trackingNumber).orElseThrow().getStatus()).isEqualTo(ComplaintStatus.CLOSED);
        return trackingNumber;
    }

    /** Fires the spot check's timer start event, as the job executor would on Monday morning. */
    private SpotCheckRound runSpotCheckAt(Instant when) {
        CaseDriver.moveClockTo(when);
        Job timer = management.createJobQuery().processDefinitionKey(SpotCheck.KEY).timers().singleResult();
        management.executeJob(timer.getId());
        return spotChecks.rounds().stream().max(java.util.Comparator.comparing(SpotCheckRound::getId)).orElseThrow();
    }

    private List<Task> tasksOf(SpotCheckRound round, String key) {
        return tasks.createTaskQuery().processInstanceId(round.getProcessInstanceId()).taskDefinitionKey(key).list();
    }

    private String sampled(Task task) {
        return (String) tasks.getVariable(task.getId(), "sampledTrackingNumber");
    }

    @Test
    void aRoundChecksASampleOfTheWeeksClosedCasesAndADiscrepancyReopensTheCaseAndIsEscalatedPerRule()
            throws Exception {
        CaseDriver.moveClockTo(JULY_6);
        List<String> transport = List.of(closedCase("GD-TD", "INTEGRITY"), closedCase("GD-TD", "INTEGRITY"),
                closedCase("GD-TD", "INTEGRITY"));
        String naturalResources = closedCase("GD-NR", "SLOW_ACTION");

        SpotCheckRound round = runSpotCheckAt(JULY_13);

        assertThat(round.getPeriodStart()).isEqualTo(Instant.parse("2026-07-05T16:00:00Z"));
        assertThat(round.getPeriodEnd()).isEqualTo(Instant.parse("2026-07-12T16:00:00Z"));
        assertThat(round.getCandidateCount()).isEqualTo(4);
        assertThat(round.getSampleCount()).isEqualTo(2);
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processInstanceId(round.getProcessInstanceId()).singleResult();
        assertThat(runtime.getVariable(instance.getId(), SpotCheck.SEED)).isEqualTo(round.getSeed());
        List<Task> checks = tasksOf(round, SpotCheck.CHECK_TASK);
        assertThat(checks).hasSize(2);
        Task nr = checks.stream().filter(t -> sampled(t).equals(naturalResources)).findFirst().orElseThrow();
        Task td = checks.stream().filter(t -> !sampled(t).equals(naturalResources)).findFirst().orElseThrow();
        String discrepant = sampled(td);
        assertThat(transport).contains(discrepant);
        assertThat(tasks.getIdentityLinksForTask(nr.getId())).extracting(IdentityLink::getGroupId)
                .contains("supervision-office");
        assertThatThrownBy(() -> tasks.complete(td.getId(), Map.of("recordMatches", "false", "contactMethod", "PHONE")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("findings");

        tasks.complete(nr.getId(), Map.of("contactMethod", "PHONE", "recordMatches", "true",
                "evidenceReference", "REC-0713-01"));
        tasks.complete(td.getId(), Map.of("contactMethod", "VISIT", "recordMatches", "false",
                "findings", "投诉人称并未收到答复，网上记录“已电话答复”不实", "evidenceReference", "VISIT-0713-02"));

        assertThat(instance).hasPassed("EndEvent_CheckPassed", "Task_ReportSpotCheckDiscrepancy");
        Task rectification = tasksOf(round, SpotCheck.RECTIFICATION_TASK).get(0);
        assertThat(tasks.getIdentityLinksForTask(rectification.getId())).extracting(IdentityLink::getGroupId)
                .containsExactly("dept-gd-td");
        assertThat(tasks.getVariable(rectification.getId(), "findings")).asString().contains("不实");
        jobs.runDueJobs(discrepant);
        assertThat(rules.decisionsOf(discrepant)).singleElement().satisfies(d -> {
            assertThat(d.getAction()).isEqualTo(RuleAction.ESCALATE);
            assertThat(d.getRuleId()).isEqualTo("Rule_DisciplineIntegrityDiscrepancy");
            assertThat(d.getSpotCheckDiscrepancies()).isEqualTo(1);
        });
        ProcessInstance discipline = jobs.instances("disciplinary-escalation", discrepant).get(0);
        assertThat(runtime.getVariable(discipline.getId(), "escalationSource")).isEqualTo("SPOT_CHECK");

        tasks.complete(rectification.getId(), Map.of("rectificationText", "已重新电话答复投诉人并更正记录"));
        assertThat(instance).hasPassed("Task_RecordRectification", "EndEvent_Rectified",
                "Task_CompleteSpotCheckRound", "EndEvent_RoundCompleted").isEnded();
        assertThat(spotChecks.round(round.getId()).orElseThrow().getCompletedAt()).isNotNull();
        List<DepartmentSpotCheckRow> report = spotChecks.report(round.getId());
        assertThat(report).containsExactly(
                new DepartmentSpotCheckRow("GD-NR", "省自然资源厅 / Department of Natural Resources", 1, 1, 1, 0, 0),
                new DepartmentSpotCheckRow("GD-TD", report.get(1).departmentName(), 1, 1, 0, 1, 1));
        assertThat(report.get(0).passRate()).isEqualTo(100.0);
        assertThat(report.get(1).passRate()).isEqualTo(0.0);

        String page = mvc.perform(get("/staff/spot-checks").param("round", round.getId().toString())
                .with(httpBasic("supervisor", "supervisor"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains(discrepant, naturalResources, String.valueOf(round.getSeed()), "100.0 %");
        String csv = mvc.perform(get("/staff/spot-checks/" + round.getId() + "/report.csv")
                .with(httpBasic("supervisor", "supervisor"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv.lines().toList()).hasSize(3);
        assertThat(csv).contains(",GD-NR,", ",1,1,1,0,0,100.0", ",GD-TD,", ",1,1,0,1,1,0.0");
    }

    @Test
    void aWeekWithoutClosedCasesEndsTheRoundAtOnce() {
        SpotCheckRound round = runSpotCheckAt(Instant.parse("2026-08-03T01:00:00Z"));

        assertThat(round.getCandidateCount()).isZero();
        assertThat(round.getSampleCount()).isZero();
        assertThat(round.getCompletedAt()).isNotNull();
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(round.getProcessInstanceId()).activityId("EndEvent_RoundCompleted").count())
                .isEqualTo(1);
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(round.getProcessInstanceId()).activityId("SubProcess_SpotCheck").count())
                .isZero();
    }
}
