package org.opensupervision.spotcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
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
import org.opensupervision.OwnsPeriod;
import org.opensupervision.OwnsPeriod.Cases;
import org.opensupervision.audit.AuditEntry;
import org.opensupervision.audit.AuditSource;
import org.opensupervision.audit.AuditTrail;
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
 * staff page and a CSV. Runs from July to October 2026, months whose complaints it owns ({@link OwnsPeriod}).
 */
@OwnsPeriod(value = {"2026-07", "2026-08", "2026-09", "2026-10"}, cases = Cases.COMPLAINTS,
        because = "draws its rounds from every case closed in weeks of these months")
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
    @Autowired
    AuditTrail audit;
    @Autowired
    SpotCheckSchedule schedule;
    @Autowired
    org.opensupervision.calendar.WorkingDayCalendar calendar;

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
        assertThat(complaints.find(trackingNumber).orElseThrow().status()).isEqualTo(ComplaintStatus.CLOSED);
        return trackingNumber;
    }

    /** Fires the spot check's timer start event, as the job executor would on Monday morning. */
    private SpotCheckRound runSpotCheckAt(Instant when) {
        SpotCheckRound round = drawAt(when);
        runJobsOf(round);
        return spotChecks.round(round.getId()).orElseThrow();
    }

    /** Only the timer's own job: the round is drawn and committed, the checks are not created yet. */
    private SpotCheckRound drawAt(Instant when) {
        CaseDriver.moveClockTo(when);
        management.executeJob(startTimer().getId());
        return spotChecks.rounds().stream().max(java.util.Comparator.comparing(SpotCheckRound::getId)).orElseThrow();
    }

    private Job startTimer() {
        return management.createJobQuery().processDefinitionKey(SpotCheck.KEY).timers().list().stream()
                .filter(j -> j.getProcessInstanceId() == null).findFirst().orElseThrow();
    }

    private void runJobsOf(SpotCheckRound round) {
        for (int i = 0; i < 100; i++) {
            List<Job> due = management.createJobQuery().processInstanceId(round.getProcessInstanceId()).executable()
                    .list();
            if (due.isEmpty()) {
                return;
            }
            management.executeJob(due.get(0).getId());
        }
        throw new AssertionError("Spot-check jobs keep coming");
    }

    private void advance(SpotCheckRound round, Instant to) {
        CaseDriver.moveClockTo(to);
        runJobsOf(round);
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
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("「核查情况」");

        tasks.complete(nr.getId(), Map.of("contactMethod", "PHONE", "recordMatches", "true",
                "evidenceReference", "REC-0713-01"));
        cases.completeAs("supervisor", td.getId(), Map.of("contactMethod", "VISIT", "recordMatches", "false",
                "findings", "投诉人称并未收到答复，网上记录“已电话答复”不实", "evidenceReference", "VISIT-0713-02"));
        runJobsOf(round);

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

        cases.completeAs("handler-gd-td", rectification.getId(),
                Map.of("rectificationText", "已重新电话答复投诉人并更正记录"));
        runJobsOf(round);
        assertThat(instance).hasPassed("Task_RecordRectification", "EndEvent_Rectified",
                "Task_CompleteSpotCheckRound", "EndEvent_RoundCompleted").isEnded();
        assertThat(spotChecks.round(round.getId()).orElseThrow().getCompletedAt()).isNotNull();
        assertSpotCheckAudited(discrepant, naturalResources);
        List<DepartmentSpotCheckRow> report = spotChecks.report(round.getId());
        assertThat(report).containsExactly(
                new DepartmentSpotCheckRow("GD-NR", "省自然资源厅", 1, 1, 1, 0, 0),
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

    /**
     * The spot-check process has no business key: each step is recorded in the sampled case's own chain, with who
     * and what, but never the complainant's contact data, the findings or the rectification text.
     */
    private void assertSpotCheckAudited(String discrepant, String passed) {
        List<AuditEntry> entries = audit.entriesOf(discrepant).stream()
                .filter(e -> e.kind().startsWith("SPOT_CHECK_")).toList();
        assertThat(entries).extracting(AuditEntry::kind, AuditEntry::actor).containsExactly(
                tuple("SPOT_CHECK_SAMPLED", null), tuple("SPOT_CHECK_RECORDED", "supervisor"),
                tuple("SPOT_CHECK_DISCREPANCY_REPORTED", null), tuple("SPOT_CHECK_RECTIFIED", "handler-gd-td"));
        assertThat(entries.get(1).source()).isEqualTo(AuditSource.STAFF);
        assertThat(entries.get(1).detail()).contains("DISCREPANCY", "VISIT");
        assertThat(entries.get(3).source()).isEqualTo(AuditSource.STAFF);
        assertThat(entries).allSatisfy(e -> assertThat(e.detail()).doesNotContain("spot-check@example.com", "张三",
                "13800138000", "投诉人称并未收到答复", "已重新电话答复"));
        assertThat(audit.verify(discrepant).intact()).isTrue();
        assertThat(audit.entriesOf(passed)).filteredOn(e -> e.kind().startsWith("SPOT_CHECK_"))
                .extracting(AuditEntry::kind).containsExactly("SPOT_CHECK_SAMPLED", "SPOT_CHECK_RECORDED");
        assertThat(audit.entriesOf(passed)).filteredOn(e -> e.kind().equals("SPOT_CHECK_RECORDED")).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("PASSED", "PHONE"));
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

    /**
     * Issue 13: the office's check and the department's rectification are due in working days and reminded; an
     * unrectified discrepancy is left open when its deadline passes (fed to the rules), so the round still closes,
     * listing it; a new round drawn meanwhile says that an earlier one is still open. The draw and each sample run in
     * jobs of their own. Runs in September and October 2026.
     */
    @Test
    void aRectificationPastItsDeadlineIsLeftOpenAndTheRoundClosesListingIt() throws Exception {
        CaseDriver.moveClockTo(Instant.parse("2026-09-07T01:00:00Z"));
        String sampled = closedCase("GD-HC", "SLOW_ACTION");

        SpotCheckRound round = drawAt(Instant.parse("2026-09-14T01:00:00Z"));
        assertThat(round.getSampleCount()).isEqualTo(1);
        assertThat(tasksOf(round, SpotCheck.CHECK_TASK)).as("the draw commits before any check is created").isEmpty();
        runJobsOf(round);
        Task check = tasksOf(round, SpotCheck.CHECK_TASK).get(0);
        assertThat(sampled(check)).isEqualTo(sampled);
        Instant checkDue = calendar.addWorkingDays(Instant.parse("2026-09-14T01:00:00Z"), 10);
        assertThat(check.getDueDate().toInstant()).isEqualTo(checkDue);
        advance(round, checkDue.plusSeconds(60));
        assertThat(tasks.getIdentityLinksForTask(check.getId())).extracting(IdentityLink::getGroupId)
                .contains("supervision-office", "supervision-head");

        cases.completeAs("supervision-head", check.getId(), Map.of("contactMethod", "PHONE", "recordMatches",
                false, "findings", "答复未送达", "evidenceReference", "REC-0930-01"));
        runJobsOf(round);
        Task rectification = tasksOf(round, SpotCheck.RECTIFICATION_TASK).get(0);
        Instant rectificationDue = rectification.getDueDate().toInstant();
        assertThat(rectificationDue).isEqualTo(calendar.addWorkingDays(checkDue.plusSeconds(60), 15));

        SpotCheckRound next = runSpotCheckAt(Instant.parse("2026-10-12T01:00:00Z"));
        assertThat(next.getEarlierRoundsOpen()).as("the open round is visible on the next one").isEqualTo(1);

        advance(round, rectification.getFollowUpDate().toInstant().plusSeconds(60));
        assertThat(mailsSentAbout(sampled).stream().filter(m -> m.subject().contains("）即将到期")).distinct())
                .anySatisfy(m -> assertThat(m.to()).containsExactly("complaints@hc.example.gov.cn"));
        advance(round, rectificationDue.plusSeconds(60));

        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processInstanceId(round.getProcessInstanceId()).singleResult();
        assertThat(instance).as("the round closed without waiting for the department").isNull();
        SpotCheckRound closed = spotChecks.round(round.getId()).orElseThrow();
        assertThat(closed.getCompletedAt()).isNotNull();
        assertThat(closed.getOpenItems()).isEqualTo(1);
        assertThat(spotChecks.openItems(round.getId())).singleElement().satisfies(sample -> {
            assertThat(sample.getTrackingNumber()).isEqualTo(sampled);
            assertThat(sample.getRectificationOverdueAt()).isNotNull();
        });
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(round.getProcessInstanceId()).activityId("EndEvent_SpotRectificationEscalated")
                .count()).isEqualTo(1);
        String page = mvc.perform(get("/staff/spot-checks").param("round", round.getId().toString())
                .with(httpBasic("supervisor", "supervisor"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("1 件整改逾期未完成", "整改逾期未完成");
        String nextPage = mvc.perform(get("/staff/spot-checks").param("round", next.getId().toString())
                .with(httpBasic("supervisor", "supervisor"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(nextPage).contains("仍有 1 轮抽查未完成");
        jobs.runDueJobs(sampled);
        assertThat(rules.decisionsOf(sampled)).extracting(d -> d.getTrigger()).contains(
                org.opensupervision.rules.RuleTrigger.SPOT_CHECK_RECTIFICATION_OVERDUE);
    }

    @Test
    void aChangedCycleMovesTheRunningSpotCheckTimer() {
        String configured = schedule.getCycle();
        // Wednesday 4 November 2026, 11:00 in Shanghai.
        CaseDriver.moveClockTo(Instant.parse("2026-11-04T03:00:00Z"));
        try {
            schedule.moveRunningTimerToTheCycle();
            assertThat(startTimer().getDuedate().toInstant()).isEqualTo(Instant.parse("2026-11-09T01:00:00Z"));

            schedule.useCycle("R/2026-01-05T09:00:00+08:00/P1D");

            assertThat(startTimer().getDuedate().toInstant()).as("daily from now on: tomorrow 09:00")
                    .isEqualTo(Instant.parse("2026-11-05T01:00:00Z"));
        } finally {
            schedule.useCycle(configured);
        }
        assertThat(startTimer().getDuedate().toInstant()).isEqualTo(Instant.parse("2026-11-09T01:00:00Z"));
    }
}
