package org.opensupervision.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensupervision.CoversEveryPathOf;
import org.opensupervision.IntegrationTest;
import org.opensupervision.OwnsPeriod;
import org.opensupervision.OwnsPeriod.Cases;
import org.opensupervision.ReceivedMail;
import org.opensupervision.handling.CaseDriver;
import org.opensupervision.workflow.SupervisionProcesses.RuleCheck;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every path of {@code supervision-rule-check}: a real breach warns, a spot-check discrepancy gets a supervision
 * notice, an integrity discrepancy escalates to discipline, and a new version of a table deployed at run time takes
 * effect at once (here: no rule matches any more). Runs in May 2026, a month it owns ({@link OwnsPeriod}).
 */
@OwnsPeriod(value = "2026-05", cases = Cases.COMPLAINTS,
        because = "counts the breaches of the month for the rules")
@CoversEveryPathOf(RuleCheck.KEY)
class SupervisionRuleCheckProcessTest extends IntegrationTest {

    /** Monday 11 May 2026, 09:00 in Shanghai. */
    static final Instant MAY_MONDAY = Instant.parse("2026-05-11T01:00:00Z");

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
    RepositoryService repository;
    @Autowired
    SupervisionRules rules;
    @Autowired
    ManagementService management;
    @Autowired
    ProcessEngineConfigurationImpl engineConfiguration;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void startInMay() {
        init(engine);
        CaseDriver.moveClockTo(MAY_MONDAY);
    }

    private ProcessInstance check(String trackingNumber, String department, String category, RuleTrigger trigger) {
        return runtime.startProcessInstanceByKey(RuleCheck.KEY, trackingNumber, Map.of(
                RuleCheck.DEPARTMENT_CODE, department, RuleCheck.CATEGORY, category, RuleCheck.TRIGGER, trigger.name()));
    }

    private List<ReceivedMail> mails(String trackingNumber, String subjectPart) {
        // One message arrives per recipient: count each mail once.
        return mailsSentAbout(trackingNumber).stream().filter(m -> m.subject().contains(subjectPart))
                .distinct().toList();
    }

    @Test
    void aFirstFeedbackBreachIsCheckedAgainstTheRulesAndWarnsTheDepartmentCitingTheDecidingRule() {
        String trackingNumber = cases.fileAndRoute("GD-EDU", "INACTION", "rules-warn@example.com");

        cases.advance(trackingNumber, Duration.ofHours(25));
        List<ProcessInstance> checks = jobs.instances(RuleCheck.KEY, trackingNumber);
        assertThat(checks).hasSize(1);
        jobs.runDueJobs(trackingNumber);

        assertThat(checks.get(0)).hasPassed("Task_EvaluateSupervisionRules", "Task_SendRuleWarning",
                "EndEvent_Warned").isEnded();
        RuleDecision decision = rules.decisionsOf(trackingNumber).get(0);
        assertThat(decision.getTrigger()).isEqualTo(RuleTrigger.FIRST_FEEDBACK_BREACH);
        assertThat(decision.getDepartmentCode()).isEqualTo("GD-EDU");
        assertThat(decision.getFirstFeedbackBreaches()).isEqualTo(1);
        assertThat(decision.getAction()).isEqualTo(RuleAction.WARN);
        assertThat(decision.getDecisionKey()).isEqualTo("supervision-rules-common");
        assertThat(decision.getRuleId()).isEqualTo("Rule_CommonFirstFeedbackBreach");
        assertThat(decision.getDecisionDefinitionId()).isEqualTo(repository.createDecisionDefinitionQuery()
                .decisionDefinitionKey("supervision-rules-common").latestVersion().singleResult().getId());
        assertThat(decision.getEvaluatedTables()).contains("supervision-rules-common v", "supervision-rules-discipline v")
                .doesNotContain("supervision-rules-dept-");
        List<ReceivedMail> warnings = mails(trackingNumber, "效能预警");
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).to()).containsExactly("complaints@edu.example.gov.cn");
        assertThat(warnings.get(0).body()).contains("Rule_CommonFirstFeedbackBreach", "supervision-rules-common v");
    }

    @Test
    void whenARuleCheckAndAnotherCasesStepAreDueTogetherTheExecutorTakesTheCaseStepFirst() {
        String checked = cases.fileAndRoute("GD-EDU", "INACTION", null);
        ProcessInstance check = check(checked, "GD-EDU", "INACTION", RuleTrigger.SPOT_CHECK_DISCREPANCY);
        Job ruleCheck = management.createJobQuery().processInstanceId(check.getId()).singleResult();
        // A case step as a job: a complaint routed by its start event's job (the starter's last resort).
        String filedLater = cases.fileWithRoutingJob(CaseDriver.submission("GD-EDU", "INACTION", null));
        Job routing = management.createJobQuery().processInstanceId(cases.processInstanceId(filedLater))
                .singleResult();
        // Only these two may be acquired: every other job of the shared test database is held by another owner.
        List<String> heldElsewhere = jdbc.queryForList("select ID_ from ACT_RU_JOB where LOCK_OWNER_ is null"
                + " and ID_ not in (?, ?)", String.class, ruleCheck.getId(), routing.getId());
        heldElsewhere.forEach(id -> jdbc.update("update ACT_RU_JOB set LOCK_OWNER_ = 'elsewhere',"
                + " LOCK_EXP_TIME_ = ? where ID_ = ?", java.sql.Timestamp.from(MAY_MONDAY.plus(Duration.ofDays(30))),
                id));
        JobExecutor executor = engineConfiguration.getJobExecutor();
        List<String> first;
        try {
            first = engineConfiguration.getCommandExecutorTxRequired().execute(new AcquireJobsCmd(executor, 1))
                    .getJobIdBatches().stream().flatMap(List::stream).toList();
        } finally {
            jdbc.update("update ACT_RU_JOB set LOCK_OWNER_ = null, LOCK_EXP_TIME_ = null"
                    + " where LOCK_OWNER_ in ('elsewhere', ?)", executor.getLockOwner());
            runtime.deleteProcessInstance(check.getId(), "test done");
        }

        assertThat(ruleCheck.getPriority()).isEqualTo(-10);
        assertThat(routing.getPriority()).isZero();
        assertThat(first).containsExactly(routing.getId());
    }

    @Test
    void aSpotCheckDiscrepancyGetsASupervisionNoticeWrittenByTheOffice() {
        String trackingNumber = cases.fileAndRoute("GD-HC", "ATTITUDE", "rules-notice@example.com");

        ProcessInstance check = check(trackingNumber, "GD-HC", "ATTITUDE", RuleTrigger.SPOT_CHECK_DISCREPANCY);
        jobs.runDueJobs(trackingNumber);
        assertThat(check).isWaitingAt(RuleCheck.NOTICE_TASK);
        assertThat(tasks.createTaskQuery().processInstanceId(check.getId()).singleResult().getPriority())
                .isEqualTo(60);
        tasks.complete(tasks.createTaskQuery().processInstanceId(check.getId()).singleResult().getId(),
                Map.of(RuleCheck.NOTICE_TEXT, "请于五个工作日内说明回访记录不实的原因。"));
        jobs.runDueJobs(trackingNumber);

        assertThat(check).hasPassed("Task_SendRuleNotice", "EndEvent_NoticeSent").isEnded();
        List<ReceivedMail> notices = mails(trackingNumber, "督办通知");
        assertThat(notices).hasSize(1);
        assertThat(notices.get(0).to()).containsExactly("complaints@hc.example.gov.cn");
        assertThat(notices.get(0).cc()).containsExactly("head@hc.example.gov.cn");
        assertThat(notices.get(0).body()).contains("请于五个工作日内说明回访记录不实的原因。",
                "Rule_CommonSpotCheckDiscrepancy");
    }

    @Test
    void aDiscrepancyOnAnIntegrityComplaintIsEscalatedToDisciplineByTheDisciplineRule() {
        String trackingNumber = cases.fileAndRoute("GD-PSD", "INTEGRITY", "rules-escalate@example.com");

        ProcessInstance check = check(trackingNumber, "GD-PSD", "INTEGRITY", RuleTrigger.SPOT_CHECK_DISCREPANCY);
        jobs.runDueJobs(trackingNumber);

        assertThat(check).hasPassed("Event_EscalateToDiscipline", "EndEvent_Escalated").isEnded();
        ProcessInstance discipline = jobs.instances("disciplinary-escalation", trackingNumber).get(0);
        assertThat(runtime.getVariables(discipline.getId()))
                .containsEntry("escalatedDepartmentCode", "GD-PSD").containsEntry("escalationSource", "SPOT_CHECK")
                .containsEntry("escalationSeverity", 3);
        assertThat((String) runtime.getVariable(discipline.getId(), "escalationReason"))
                .contains("supervision-rules-discipline v", "Rule_DisciplineIntegrityDiscrepancy");
    }

    @Test
    void aBreachJobOnlyRequestsItsRuleCheckWhichAJobBelowTheDeadlinesStartsOnce() {
        // A department no other test of this month counts breaches of.
        String trackingNumber = cases.fileAndRoute("GD-NR", "INACTION", "rules-request@example.com");
        String complaint = cases.processInstanceId(trackingNumber);
        CaseDriver.moveClockTo(MAY_MONDAY.plus(Duration.ofHours(25)));

        management.executeJob(management.createJobQuery().processInstanceId(complaint)
                .activityId("BoundaryEvent_FirstFeedbackBreach").singleResult().getId());

        assertThat(jobs.instances(RuleCheck.KEY, trackingNumber)).isEmpty();
        List<Job> requests = management.createJobQuery().processInstanceId(complaint).priorityLowerThanOrEquals(-10)
                .list();
        assertThat(requests).hasSize(1);
        JobEntity request = (JobEntity) requests.get(0);
        assertThat(request.getJobHandlerType()).isEqualTo(BreachRuleCheckRequests.TYPE);
        assertThat(request.getPriority()).isEqualTo(BreachRuleCheckRequests.PRIORITY);
        assertThat(request.isExclusive()).as("does not hold up the case's own jobs").isFalse();
        assertThat(request.getDuedate()).isNotNull();

        management.executeJob(request.getId());

        List<ProcessInstance> checks = jobs.instances(RuleCheck.KEY, trackingNumber);
        assertThat(checks).hasSize(1);
        assertThat(runtime.getVariables(checks.get(0).getId()))
                .containsEntry(RuleCheck.DEPARTMENT_CODE, "GD-NR").containsEntry(RuleCheck.CATEGORY, "INACTION")
                .containsEntry(RuleCheck.TRIGGER, "FIRST_FEEDBACK_BREACH");
        assertThat(management.createJobQuery().jobId(request.getId()).count()).isZero();
        jobs.runDueJobs(trackingNumber);
        assertThat(rules.decisionsOf(trackingNumber)).hasSize(1);
        assertThat(jobs.instances(RuleCheck.KEY, trackingNumber)).isEmpty();
    }

    @Test
    void aRuleCheckRequestKeepsItsFactsThroughTheJobsConfiguration() {
        var request = new BreachRuleCheckRequests.Request(RuleTrigger.HANDLING_BREACH, "GD-AMR", "SLOW_ACTION",
                "TS-2026|05\n-000001");
        assertThat(BreachRuleCheckRequests.Request.parse(request.toCanonicalString())).isEqualTo(request);
    }

    @Test
    void anOfficeChangesItsRulesByDeployingANewVersionOfItsTableWhichTakesEffectAtOnce() throws Exception {
        String trackingNumber = cases.fileAndRoute("GD-TD", "OTHER", "rules-none@example.com");
        String table;
        try (var in = getClass().getResourceAsStream("/processes/supervision-rules-common.dmn")) {
            table = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int before = repository.createDecisionDefinitionQuery().decisionDefinitionKey("supervision-rules-common")
                .latestVersion().singleResult().getVersion();
        // The office relaxes the first-feedback warning: it now applies below zero breaches, i.e. never.
        Deployment relaxed = repository.createDeployment().name("office edit")
                .addString("supervision-rules-common.dmn", table.replaceFirst("&lt; 3", "&lt; 0")).deploy();
        try {
            ProcessInstance check = check(trackingNumber, "GD-TD", "OTHER", RuleTrigger.FIRST_FEEDBACK_BREACH);
            jobs.runDueJobs(trackingNumber);

            assertThat(check).hasPassed("EndEvent_NoRuleMatched").isEnded();
            RuleDecision decision = rules.decisionsOf(trackingNumber).get(0);
            assertThat(decision.getAction()).isEqualTo(RuleAction.NONE);
            assertThat(decision.getRuleId()).isNull();
            assertThat(decision.getEvaluatedTables()).contains("supervision-rules-common v" + (before + 1));
        } finally {
            repository.deleteDeployment(relaxed.getId(), true);
        }
        assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("supervision-rules-common")
                .latestVersion().singleResult().getVersion()).isEqualTo(before);
    }

    @Test
    void aNoticeTheOfficeLeavesUnwrittenIsRemindedTheDayBeforeAndOfferedToTheHeadWhenDue() {
        String trackingNumber = cases.fileAndRoute("GD-HC", "ATTITUDE", "rules-ladder@example.com");
        ProcessInstance check = check(trackingNumber, "GD-HC", "ATTITUDE", RuleTrigger.SPOT_CHECK_DISCREPANCY);
        jobs.runDueJobs(trackingNumber);
        var notice = tasks.createTaskQuery().processInstanceId(check.getId()).singleResult();
        // Three working days after Monday 11 May: the end of Thursday 14 May in Shanghai; reminded the day before.
        assertThat(notice.getDueDate().toInstant()).isEqualTo(Instant.parse("2026-05-14T16:00:00Z"));
        assertThat(notice.getFollowUpDate().toInstant()).isEqualTo(Instant.parse("2026-05-13T16:00:00Z"));

        CaseDriver.moveClockTo(Instant.parse("2026-05-13T16:00:01Z"));
        jobs.runDueJobs(trackingNumber);
        assertThat(mails(trackingNumber, "）即将到期")).singleElement()
                .satisfies(m -> assertThat(m.to()).containsExactly("supervision-office@example.gov.cn"));
        CaseDriver.moveClockTo(Instant.parse("2026-05-14T16:00:01Z"));
        jobs.runDueJobs(trackingNumber);
        assertThat(tasks.getIdentityLinksForTask(notice.getId())).extracting(l -> l.getGroupId())
                .contains("supervision-office", "supervision-head");
        assertThat(mails(trackingNumber, "【逾期提级】")).singleElement()
                .satisfies(m -> assertThat(m.to()).containsExactly("supervision-head@example.gov.cn"));
        assertThat(check).hasPassed("Task_RemindRuleNotice", "EndEvent_RuleNoticeReminded",
                "Task_EscalateRuleNotice", "EndEvent_RuleNoticeEscalated").isWaitingAt(RuleCheck.NOTICE_TASK);

        cases.completeAs("supervision-head", notice.getId(), Map.of(RuleCheck.NOTICE_TEXT, "请说明。"));
        jobs.runDueJobs(trackingNumber);
        assertThat(check).hasPassed("EndEvent_NoticeSent").isEnded();
    }
}
