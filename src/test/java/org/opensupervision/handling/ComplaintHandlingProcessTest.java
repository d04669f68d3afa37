package org.opensupervision.handling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;


import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensupervision.CoversEveryPathOf;
import org.opensupervision.IntegrationTest;
import org.opensupervision.ReceivedMail;
import org.opensupervision.RoutingFailures;
import org.opensupervision.complaint.BreachKind;
import org.opensupervision.complaint.ComplaintFacts;
import org.opensupervision.complaint.ComplaintRecords;
import org.opensupervision.complaint.ComplaintStatus;
import org.opensupervision.complaint.BreachFacts;
import org.opensupervision.intake.ComplaintSubmission;
import org.opensupervision.workflow.ComplaintProcess;
import org.opensupervision.workflow.ComplaintProcess.Activity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;


/**
 * Every path of {@code complaint-handling}, on the real engine with the real delegates; timers are driven by moving
 * the engine clock. The class must cover every flow node and sequence flow of the model (process test coverage).
 */
@CoversEveryPathOf(ComplaintProcess.KEY)
class ComplaintHandlingProcessTest extends IntegrationTest {

    /** Monday 2 March 2026, 09:00 in Shanghai. */
    static final Instant MONDAY_MORNING = Instant.parse("2026-03-02T01:00:00Z");
    /** 15 working days after Monday 2 March: the end of Monday 23 March in Shanghai. */
    static final Instant HANDLING_DUE = Instant.parse("2026-03-23T16:00:00Z");
    /** One working day before: the end of Friday 20 March. */
    static final Instant HANDLING_REMINDER = Instant.parse("2026-03-20T16:00:00Z");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProcessEngine engine;
    @Autowired
    CaseDriver cases;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    ComplaintRecords records;
    @Autowired
    MockMvc mvc;

    @BeforeEach
    void startOnAMondayMorning() {
        init(engine);
        CaseDriver.moveClockTo(MONDAY_MORNING);
    }

    private String routed(String department, String category) {
        return cases.fileAndRoute(department, category, "complainant@example.com");
    }



    /** The routing table as {@code routingRule} names it: key and the latest deployed version. */
    private String latestRoutingTable() {
        return ComplaintProcess.ROUTING_DECISION + " v" + engine.getRepositoryService().createDecisionDefinitionQuery()
                .decisionDefinitionKey(ComplaintProcess.ROUTING_DECISION).latestVersion().singleResult().getVersion();
    }

    private ComplaintFacts complaint(String trackingNumber) {
        return records.find(trackingNumber).orElseThrow();
    }

    private List<String> candidateGroups(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream().filter(l -> l.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
    }

    /** The timers of the case but the triage's (its reminder and escalation end with the triage). */
    private List<Job> firstFeedbackTimers(String trackingNumber) {
        List<String> triageTimers = java.util.stream.Stream.of("BoundaryEvent_TriageOverdue", Activity.TRIAGE)
                .flatMap(activity -> engine.getManagementService().createJobQuery()
                        .processInstanceId(cases.processInstanceId(trackingNumber)).activityId(activity).list().stream())
                .map(Job::getId).toList();
        return cases.timers(trackingNumber).stream().filter(j -> !triageTimers.contains(j.getId())).toList();
    }

        private void handledUntilHandling(String trackingNumber) {
        cases.complete(trackingNumber, Activity.TRIAGE, Map.of("triageDecision", "ACCEPT"));
        cases.complete(trackingNumber, Activity.FIRST_FEEDBACK, Map.of("firstFeedbackText", "已受理，正在核查。"));
    }

    private void reply(String trackingNumber, String text) {
        cases.complete(trackingNumber, Activity.HANDLING, Map.of("handlingAction", "REPLY", "replyText", text));
    }

    private List<ReceivedMail> mailsAbout(String trackingNumber) {
        return mailsSentAbout(trackingNumber);
    }


    @Test
    void aComplaintIsRoutedByTheDecisionTableAndTriageRunsAlongsideTheFirstFeedback() {
        String trackingNumber = routed("GD-AMR", "ATTITUDE");

        assertThat(cases.instance(trackingNumber))
                // Started after its start event, routed in the starter's transaction (PendingComplaintStarts).
                .hasPassed("Task_RouteComplaint", "Task_RecordRouting")
                .isWaitingAt(Activity.TRIAGE, Activity.FIRST_FEEDBACK)
                .variables().containsEntry("handlingGroup", "dept-gd-amr").containsEntry("priority", 50)
                .containsEntry("routingRule", latestRoutingTable() + " Rule_Default");
        Task firstFeedback = cases.task(trackingNumber, Activity.FIRST_FEEDBACK);
        assertThat(candidateGroups(firstFeedback)).containsExactly("dept-gd-amr");
        assertThat(firstFeedback.getDueDate().toInstant()).isEqualTo(MONDAY_MORNING.plus(Duration.ofHours(24)));
        assertThat(firstFeedback.getFollowUpDate().toInstant()).isEqualTo(MONDAY_MORNING.plus(Duration.ofHours(20)));
        assertThat(firstFeedback.getPriority()).isEqualTo(50);
        assertThat(candidateGroups(cases.task(trackingNumber, Activity.TRIAGE))).containsExactly("supervision-office");
        ComplaintFacts complaint = complaint(trackingNumber);
        assertThat(complaint.status()).isEqualTo(ComplaintStatus.AWAITING_FIRST_FEEDBACK);
        assertThat(complaint.handlingDepartmentCode()).isEqualTo("GD-AMR");
        assertThat(complaint.routedAt()).isEqualTo(MONDAY_MORNING);
    }

    @Test
    void aComplaintTheStarterCouldNotRouteIsStartedAtItsStartEventAndRoutedByTheJobAfterIt() {
        // The starter's last resort (PendingComplaintStarts): the save point after the start event, a routing job
        // that the engine retries and, if it keeps failing, leaves as an incident.
        ComplaintSubmission submission = CaseDriver.submission("GD-AMR", "ATTITUDE", "complainant@example.com");
        submission.setTitle("路由失败后由作业重试");
        RoutingFailures.failRoutingOf(submission.getTitle());
        String trackingNumber;
        try {
            trackingNumber = cases.file(submission);
            assertThat(complaint(trackingNumber).routedAt()).isNull();
            assertThat(engine.getManagementService().createJobQuery()
                    .processInstanceId(cases.processInstanceId(trackingNumber)).messages().count()).isEqualTo(1);
        } finally {
            RoutingFailures.letRoutingOf(submission.getTitle());
        }

        cases.runDueJobs(trackingNumber);

        assertThat(cases.instance(trackingNumber))
                .hasPassed(ComplaintProcess.START_EVENT, "Task_RouteComplaint", "Task_RecordRouting")
                .isWaitingAt(Activity.TRIAGE, Activity.FIRST_FEEDBACK);
        assertThat(complaint(trackingNumber).routedAt()).isEqualTo(MONDAY_MORNING);
    }

    @Test
    void anOnlineHallFaultGoesToTheDataBureauWithHigherPriority() {
        String trackingNumber = routed("GD-AMR", "SYSTEM_FAULT");

        assertThat(candidateGroups(cases.task(trackingNumber, Activity.FIRST_FEEDBACK))).containsExactly("dept-gd-sdma");
        assertThat(cases.task(trackingNumber, Activity.FIRST_FEEDBACK).getPriority()).isEqualTo(70);
        assertThat(complaint(trackingNumber).departmentCode()).isEqualTo("GD-AMR");
        assertThat(complaint(trackingNumber).handlingDepartmentCode()).isEqualTo("GD-SDMA");
    }

    @Test
    void aRuleTheOfficeAddsToTheRoutingTableTakesEffectWithItsNextVersion() throws Exception {
        withRoutingRuleAdded("""
                <rule id="Rule_EducationAttitude">
                  <inputEntry id="UnaryTests_EducationAttitude_Department"><text>"GD-EDU"</text></inputEntry>
                  <inputEntry id="UnaryTests_EducationAttitude_Category"><text>"ATTITUDE"</text></inputEntry>
                  <outputEntry id="LiteralExpression_EducationAttitude_Department"><text>departmentCode</text></outputEntry>
                  <outputEntry id="LiteralExpression_EducationAttitude_Priority"><text>65</text></outputEntry>
                </rule>
                """, () -> {
            String trackingNumber = routed("GD-EDU", "ATTITUDE");

            assertThat(cases.instance(trackingNumber)).variables().containsEntry("priority", 65)
                    .containsEntry("routingRule", latestRoutingTable() + " Rule_EducationAttitude");
            assertThat(cases.task(trackingNumber, Activity.FIRST_FEEDBACK).getPriority()).isEqualTo(65);
            assertThat(history.createHistoricDecisionInstanceQuery()
                    .processInstanceId(cases.processInstanceId(trackingNumber)).count()).isZero();
        });
    }

    @Test
    void aRoutingTableWithFeelJavaDoesNotEvaluateIsDecidedByTheDmnEngine() throws Exception {
        withRoutingRuleAdded("""
                <rule id="Rule_NotDataBureauOther">
                  <inputEntry id="UnaryTests_NotDataBureauOther_Department"><text>not("GD-SDMA")</text></inputEntry>
                  <inputEntry id="UnaryTests_NotDataBureauOther_Category"><text>"OTHER"</text></inputEntry>
                  <outputEntry id="LiteralExpression_NotDataBureauOther_Department"><text>departmentCode</text></outputEntry>
                  <outputEntry id="LiteralExpression_NotDataBureauOther_Priority"><text>40</text></outputEntry>
                </rule>
                """, () -> {
            String trackingNumber = routed("GD-EDU", "OTHER");

            assertThat(cases.instance(trackingNumber)).variables().containsEntry("priority", 40)
                    .containsEntry("handlingGroup", "dept-gd-edu").containsEntry("routingRule", latestRoutingTable());
            assertThat(history.createHistoricDecisionInstanceQuery()
                    .processInstanceId(cases.processInstanceId(trackingNumber)).activityIdIn("Task_RouteComplaint")
                    .includeOutputs().singleResult().getOutputs())
                    .extracting(o -> o.getRuleId()).containsOnly("Rule_NotDataBureauOther");
        });
    }

    /** Deploys the routing table with {@code rule} added before its default rule, runs {@code check}, undeploys. */
    private void withRoutingRuleAdded(String rule, Runnable check) throws Exception {
        String table;
        try (java.io.InputStream in = getClass().getResourceAsStream("/processes/complaint-routing.dmn")) {
            table = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String edited = table.replace("<rule id=\"Rule_Default\">", rule + "<rule id=\"Rule_Default\">");
        assertThat(edited).isNotEqualTo(table);
        String before = latestRoutingTable();
        var deployment = engine.getRepositoryService().createDeployment().name("the office's edit")
                .addString("complaint-routing.dmn", edited).deploy();
        try {
            assertThat(latestRoutingTable()).isNotEqualTo(before);
            check.run();
        } finally {
            engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
        }
    }

    @Test
    void theCaseClosesWhenTheSupervisionOfficeApprovesTheReply() {
        String trackingNumber = routed("GD-EDU", "INACTION");

        cases.complete(trackingNumber, Activity.TRIAGE, Map.of("triageDecision", "ACCEPT"));
        assertThat(cases.instance(trackingNumber)).hasPassed("EndEvent_TriageAccepted")
                .isWaitingAt(Activity.FIRST_FEEDBACK);

        cases.advance(trackingNumber, Duration.ofHours(3));
        cases.complete(trackingNumber, Activity.FIRST_FEEDBACK, Map.of("firstFeedbackText", "已受理，三日内联系您。"));
        assertThat(cases.instance(trackingNumber))
                .hasPassed("Task_RecordFirstFeedback", "Task_SendFirstFeedbackToCitizen", "Task_OpenHandling")
                .isWaitingAt(Activity.HANDLING);
        Task handling = cases.task(trackingNumber, Activity.HANDLING);
        assertThat(handling.getDueDate().toInstant()).isEqualTo(HANDLING_DUE);
        assertThat(handling.getFollowUpDate().toInstant()).isEqualTo(HANDLING_REMINDER);
        assertThat(candidateGroups(handling)).containsExactly("dept-gd-edu");
        assertThat(cases.instance(trackingNumber)).variables()
                .containsEntry("firstFeedbackDueDisplay", "2026-03-03 09:00 (Asia/Shanghai)")
                .containsEntry("handlingDueDisplay", "2026-03-23 24:00 (Asia/Shanghai)");
        assertThat(complaint(trackingNumber).firstFeedbackAt()).isEqualTo(MONDAY_MORNING.plus(Duration.ofHours(3)));

        cases.advance(trackingNumber, Duration.ofDays(4));
        reply(trackingNumber, "经核查，证书已于3月5日寄出，快递单号SF1234567890。");
        assertThat(cases.instance(trackingNumber)).hasPassed("Task_RecordReply", "EndEvent_HandlingReplied")
                .isWaitingAt(Activity.REVIEW_REPLY);
        assertThat(complaint(trackingNumber).status()).isEqualTo(ComplaintStatus.UNDER_REVIEW);

        String processInstanceId = cases.processInstanceId(trackingNumber);
        cases.complete(trackingNumber, Activity.REVIEW_REPLY, Map.of("reviewDecision", "APPROVE"));

        ProcessInstance ended = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult();
        assertThat(ended).isNull();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
                .activityId("EndEvent_ComplaintClosed").count()).isEqualTo(1);
        ComplaintFacts closed = complaint(trackingNumber);
        assertThat(closed.status()).isEqualTo(ComplaintStatus.CLOSED);
        assertThat(closed.closedAt()).isEqualTo(MONDAY_MORNING.plus(Duration.ofDays(4)).plus(Duration.ofHours(3)));
        assertThat(closed.isOverdue(closed.closedAt())).isFalse();
        assertThat(records.breachesOf(trackingNumber)).isEmpty();
        assertThat(mailsAbout(trackingNumber)).filteredOn(m -> m.body().contains("SF1234567890")).singleElement()
                .satisfies(m -> {
                    assertThat(m.subject()).contains("投诉答复");
                    assertThat(m.to()).containsExactly("complainant@example.com");
                });
    }

    @Test
    void aRedirectMovesTheOpenFirstFeedbackTaskWithoutResettingTheClock() {
        String trackingNumber = routed("GD-AMR", "INACTION");
        Task before = cases.task(trackingNumber, Activity.FIRST_FEEDBACK);
        List<Job> timersBefore = firstFeedbackTimers(trackingNumber);

        cases.advance(trackingNumber, Duration.ofHours(2));
        cases.complete(trackingNumber, Activity.TRIAGE, Map.of("triageDecision", "REDIRECT",
                "redirectDepartmentCode", "GD-HRSS", "triageReason", "属社保待遇审批，由人社厅办理"));

        assertThat(cases.instance(trackingNumber))
                .hasPassed("Task_RerouteComplaint", "Task_ApplyRedirect", "EndEvent_Redirected")
                .isWaitingAt(Activity.FIRST_FEEDBACK);
        Task after = cases.task(trackingNumber, Activity.FIRST_FEEDBACK);
        assertThat(after.getId()).isEqualTo(before.getId());
        assertThat(candidateGroups(after)).containsExactly("dept-gd-hrss");
        assertThat(after.getDueDate()).isEqualTo(before.getDueDate());
        assertThat(firstFeedbackTimers(trackingNumber)).extracting(Job::getId, Job::getDuedate)
                .containsExactlyInAnyOrderElementsOf(timersBefore.stream()
                        .map(j -> org.assertj.core.groups.Tuple.tuple(j.getId(), j.getDuedate())).toList());
        ComplaintFacts complaint = complaint(trackingNumber);
        assertThat(complaint.departmentCode()).isEqualTo("GD-AMR");
        assertThat(complaint.handlingDepartmentCode()).isEqualTo("GD-HRSS");
        assertThat(complaint.redirectCount()).isEqualTo(1);
        assertThat(engine.getRuntimeService().getVariable(cases.processInstanceId(trackingNumber), "routingRule"))
                .as("the table decided again, for the department chosen at triage")
                .isEqualTo(latestRoutingTable() + " Rule_InactionOrSlowAction");
        // Tasklist shows the department in Chinese only (issue 16), before and after the redirect.
        assertThat(engine.getRuntimeService().getVariable(cases.processInstanceId(trackingNumber),
                "handlingDepartmentName")).isEqualTo("省人力资源和社会保障厅");

        // 24 hours after submission, not after the redirect: the breach is held against the new department.
        cases.advanceTo(trackingNumber, MONDAY_MORNING.plus(Duration.ofHours(24)));
        assertThat(records.breachesOf(trackingNumber)).singleElement().satisfies(b -> {
            assertThat(b.kind()).isEqualTo(BreachKind.FIRST_FEEDBACK);
            assertThat(b.departmentCode()).isEqualTo("GD-HRSS");
            assertThat(b.dueAt()).isEqualTo(MONDAY_MORNING.plus(Duration.ofHours(24)));
        });
    }

    @Test
    void aCaseRoutedWhileTheRoutingResultWasStoredIsStillRedirected() {
        String trackingNumber = routed("GD-AMR", "INACTION");
        String processInstanceId = cases.processInstanceId(trackingNumber);
        assertThat(engine.getRuntimeService().getVariables(processInstanceId))
                .as("the routing result is transient").doesNotContainKey("routing").containsKey("routingRule");
        // Instances routed before it became transient hold it as a stored variable.
        engine.getRuntimeService().setVariable(processInstanceId, "routing",
                new java.util.LinkedHashMap<>(Map.of("handlingDepartmentCode", "GD-AMR", "priority", 50)));

        cases.complete(trackingNumber, Activity.TRIAGE, Map.of("triageDecision", "REDIRECT",
                "redirectDepartmentCode", "GD-HRSS", "triageReason", "属社保待遇审批，由人社厅办理"));

        assertThat(candidateGroups(cases.task(trackingNumber, Activity.FIRST_FEEDBACK)))
                .containsExactly("dept-gd-hrss");
        assertThat(complaint(trackingNumber).handlingDepartmentCode()).isEqualTo("GD-HRSS");
        assertThat(engine.getRuntimeService().getVariable(processInstanceId, "routing"))
                .as("kept stored, with the new decision").asInstanceOf(MAP)
                .containsEntry("handlingDepartmentCode", "GD-HRSS");
    }

    @Test
    void aRejectedComplaintEndsTheCaseAndTheComplainantIsToldWhy() {
        String trackingNumber = routed("GD-TD", "OTHER");
        String processInstanceId = cases.processInstanceId(trackingNumber);

        cases.complete(trackingNumber, Activity.TRIAGE, Map.of("triageDecision", "REJECT",
                "triageReason", "所诉为民事合同纠纷，不属于行政审批效能投诉范围，请向法院起诉。"));

        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId)
                .count()).isZero();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
                .activityId("EndEvent_Rejected").finished().count()).isEqualTo(1);
        assertThat(tasks.createTaskQuery().processInstanceId(processInstanceId).count()).isZero();
        ComplaintFacts complaint = complaint(trackingNumber);
        assertThat(complaint.status()).isEqualTo(ComplaintStatus.REJECTED);
        assertThat(complaint.rejectionReason()).startsWith("所诉为民事合同纠纷");
        assertThat(mailsAbout(trackingNumber)).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).contains("不予受理");
            assertThat(mail.body()).contains("请向法院起诉");
            assertThat(mail.to()).containsExactly("complainant@example.com");
        });
    }

    @Test
    void anIncompleteTriageDecisionIsRefusedAndTheTaskStaysOpen() {
        String trackingNumber = routed("GD-PSD", "ATTITUDE");
        String triage = cases.task(trackingNumber, Activity.TRIAGE).getId();

        assertThatThrownBy(() -> tasks.complete(triage, Map.of("triageDecision", "REDIRECT")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("「转办至」中选择一个部门");
        assertThatThrownBy(() -> tasks.complete(triage, Map.of("triageDecision", "REDIRECT",
                "redirectDepartmentCode", "GD-PSD")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("已由该部门办理");
        assertThatThrownBy(() -> tasks.complete(triage, Map.of("triageDecision", "REJECT", "triageReason", " ")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("「理由」");
        assertThatThrownBy(() -> tasks.complete(triage, Map.of("triageDecision", "MAYBE")))
                .isInstanceOf(ProcessEngineException.class);
        assertThat(cases.task(trackingNumber, Activity.TRIAGE).getId()).isEqualTo(triage);
    }

    @Test
    void theDepartmentIsRemindedAfter20HoursAndTheBreachIsRecordedAfter24() {
        String trackingNumber = routed("GD-CAD", "SLOW_ACTION");
        // The office triages in time, so the only mails are the department's reminder and the breach report.
        cases.complete(trackingNumber, Activity.TRIAGE, Map.of("triageDecision", "ACCEPT"));

        cases.advance(trackingNumber, Duration.ofHours(20));
        assertThat(cases.instance(trackingNumber))
                .hasPassed("Task_SendFirstFeedbackReminder", "EndEvent_FirstFeedbackReminderSent")
                .isWaitingAt(Activity.FIRST_FEEDBACK);
        assertThat(records.breachesOf(trackingNumber)).isEmpty();

        cases.advance(trackingNumber, Duration.ofHours(4));
        assertThat(cases.instance(trackingNumber))
                .hasPassed("Task_RecordFirstFeedbackBreach", "Task_NotifySupervisionOfFirstFeedbackBreach",
                        "EndEvent_FirstFeedbackBreachReported")
                .isWaitingAt(Activity.FIRST_FEEDBACK);
        assertThat(records.breachesOf(trackingNumber)).extracting(BreachFacts::kind,
                BreachFacts::departmentCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(BreachKind.FIRST_FEEDBACK, "GD-CAD"));
        assertThat(complaint(trackingNumber).firstFeedbackBreachedAt())
                .isEqualTo(MONDAY_MORNING.plus(Duration.ofHours(24)));
        assertThat(complaint(trackingNumber).isOverdue(MONDAY_MORNING.plus(Duration.ofHours(25)))).isTrue();
        List<ReceivedMail> mails = mailsAbout(trackingNumber);
        assertThat(mails).hasSize(2);
        assertThat(mails).filteredOn(m -> m.to().contains("complaints@cad.example.gov.cn")).singleElement()
                .satisfies(m -> assertThat(m.subject()).contains("催办"));
        assertThat(mails).filteredOn(m -> m.to().contains("supervision-office@example.gov.cn")).singleElement()
                .satisfies(m -> assertThat(m.subject()).contains("24小时首次反馈超时"));

        // The task stays open: late feedback is still owed and still accepted.
        cases.complete(trackingNumber, Activity.FIRST_FEEDBACK, Map.of("firstFeedbackText", "迟到的反馈。"));
        assertThat(cases.instance(trackingNumber)).isWaitingAt(Activity.HANDLING);
    }

    @Test
    void aReminderThatRunsOnlyOnceTheDeadlineIsDueIsNotSentAndTheBreachReportSpeaks() {
        String trackingNumber = routed("GD-CAD", "SLOW_ACTION");
        cases.complete(trackingNumber, Activity.TRIAGE, Map.of("triageDecision", "ACCEPT"));

        // The job executor was behind (an outage, a burst of deadlines): both timers run only after 25 hours.
        cases.advance(trackingNumber, Duration.ofHours(25));

        assertThat(cases.instance(trackingNumber))
                .hasPassed("Task_SendFirstFeedbackReminder", "EndEvent_FirstFeedbackReminderSent",
                        "Task_RecordFirstFeedbackBreach", "EndEvent_FirstFeedbackBreachReported")
                .isWaitingAt(Activity.FIRST_FEEDBACK);
        assertThat(records.breachesOf(trackingNumber)).hasSize(1);
        assertThat(mailsAbout(trackingNumber)).singleElement()
                .satisfies(m -> assertThat(m.subject()).contains("24小时首次反馈超时"));
    }

    @Test
    void firstFeedbackInTimeLeavesNoBreachAndNoTimer() {
        String trackingNumber = routed("GD-DRC", "ARBITRARY_ACTION");
        cases.advance(trackingNumber, Duration.ofHours(5));
        cases.complete(trackingNumber, Activity.FIRST_FEEDBACK, Map.of("firstFeedbackText", "已收悉。"));

        cases.advance(trackingNumber, Duration.ofHours(30));

        assertThat(records.breachesOf(trackingNumber)).isEmpty();
        assertThat(cases.timers(trackingNumber)).extracting(Job::getDuedate)
                .allSatisfy(d -> assertThat(d.toInstant()).isAfter(MONDAY_MORNING.plus(Duration.ofDays(10))));
    }

    @Test
    void aHandlingBreachLeadsToASupervisionNoticeAndReworkAfterTheDeadlineGetsItsOwnDeadline() {
        String trackingNumber = routed("GD-HUD", "SLOW_ACTION");
        handledUntilHandling(trackingNumber);

        cases.advanceTo(trackingNumber, HANDLING_REMINDER);
        assertThat(cases.instance(trackingNumber))
                .hasPassed("Task_SendHandlingReminder", "EndEvent_HandlingReminderSent")
                .isWaitingAt(Activity.HANDLING);

        cases.advanceTo(trackingNumber, HANDLING_DUE);
        assertThat(cases.instance(trackingNumber)).hasPassed("Task_RecordHandlingBreach")
                .isWaitingAt(Activity.HANDLING, Activity.SUPERVISION_NOTICE);
        cases.complete(trackingNumber, Activity.SUPERVISION_NOTICE,
                Map.of("noticeText", "请于3个工作日内办结并书面说明超期原因。"));
        assertThat(cases.instance(trackingNumber))
                .hasPassed("Task_RecordSupervisionNotice", "Task_SendSupervisionNotice")
                .isWaitingAt(Activity.HANDLING, "Timer_SupervisionNoticeDue");
        // One message, delivered to two mailboxes (the department, and its head in copy).
        assertThat(mailsAbout(trackingNumber)).filteredOn(m -> m.body().contains("书面说明超期原因")).hasSize(2)
                .allSatisfy(notice -> {
                    assertThat(notice.subject()).contains("督办通知");
                    assertThat(notice.body()).contains("2026-03-23 24:00 (Asia/Shanghai)");
                    assertThat(notice.to()).containsExactly("complaints@hud.example.gov.cn");
                    assertThat(notice.cc()).containsExactly("head@hud.example.gov.cn");
                });

        reply(trackingNumber, "已办结。");
        cases.complete(trackingNumber, Activity.REVIEW_REPLY, Map.of("reviewDecision", "REWORK",
                "reviewComment", "答复未说明超期原因，请补充。"));

        // Back in handling after the deadline: the redo has a deadline of its own, so no breach fires at once and
        // the one recorded stays the only one.
        assertThat(cases.instance(trackingNumber)).hasPassed("Task_RecordRework").isWaitingAt(Activity.HANDLING);
        assertThat(complaint(trackingNumber).handlingDueAt()).isAfter(HANDLING_DUE);
        assertThat(tasks.createTaskQuery().processInstanceId(cases.processInstanceId(trackingNumber))
                .taskDefinitionKey(Activity.SUPERVISION_NOTICE).count()).isZero();
        assertThat(records.breachesOf(trackingNumber)).extracting(BreachFacts::kind)
                .containsExactly(BreachKind.HANDLING);
        assertThat(complaint(trackingNumber).reworkCount()).isEqualTo(1);
        assertThat(complaint(trackingNumber).status()).isEqualTo(ComplaintStatus.IN_HANDLING);

        reply(trackingNumber, "已办结。超期原因：审批系统故障三天，已补正。");
        cases.complete(trackingNumber, Activity.REVIEW_REPLY, Map.of("reviewDecision", "APPROVE"));
        assertThat(complaint(trackingNumber).status()).isEqualTo(ComplaintStatus.CLOSED);
    }

    @Test
    void anApprovedExtensionMovesTheDeadlineAndItsTimers() {
        String trackingNumber = routed("GD-EE", "INACTION");
        handledUntilHandling(trackingNumber);

        cases.complete(trackingNumber, Activity.HANDLING, Map.of("handlingAction", "REQUEST_EXTENSION",
                "extensionReason", "需组织专家现场核查", "extensionWorkingDays", 5));
        assertThat(cases.instance(trackingNumber)).hasPassed("Task_RecordExtensionRequest")
                .isWaitingAt(Activity.REVIEW_EXTENSION);
        // The office decides before the department's deadline, which keeps running meanwhile: Tasklist shows it.
        assertThat(cases.task(trackingNumber, Activity.REVIEW_EXTENSION).getDueDate().toInstant())
                .isEqualTo(HANDLING_DUE);

        cases.complete(trackingNumber, Activity.REVIEW_EXTENSION, Map.of("extensionApproved", true,
                "extensionDecisionReason", "理由充分，同意延期5个工作日。"));

        Instant extendedDue = Instant.parse("2026-03-30T16:00:00Z");
        assertThat(cases.instance(trackingNumber))
                .hasPassed("Task_RecordExtensionDecision", "EndEvent_ExtensionApproved", "Task_ExtendHandlingDeadline")
                .isWaitingAt(Activity.HANDLING);
        assertThat(cases.task(trackingNumber, Activity.HANDLING).getDueDate().toInstant()).isEqualTo(extendedDue);
        assertThat(cases.timers(trackingNumber)).extracting(j -> j.getDuedate().toInstant())
                .containsExactlyInAnyOrder(extendedDue, Instant.parse("2026-03-27T16:00:00Z"));
        ComplaintFacts complaint = complaint(trackingNumber);
        assertThat(complaint.handlingDueAt()).isEqualTo(extendedDue);
        assertThat(complaint.extensionApproved()).isTrue();
        assertThat(complaint.extensionWorkingDays()).isEqualTo(5);

        // Only one extension per case.
        String handling = cases.task(trackingNumber, Activity.HANDLING).getId();
        assertThatThrownBy(() -> tasks.complete(handling, Map.of("handlingAction", "REQUEST_EXTENSION",
                "extensionReason", "再延", "extensionWorkingDays", 3)))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("不能再次申请");

        // The old deadline passes without a breach.
        cases.advanceTo(trackingNumber, HANDLING_DUE.plus(Duration.ofHours(1)));
        assertThat(records.breachesOf(trackingNumber)).isEmpty();
        reply(trackingNumber, "专家核查完毕，已准予许可。");
        cases.complete(trackingNumber, Activity.REVIEW_REPLY, Map.of("reviewDecision", "APPROVE"));
        assertThat(complaint(trackingNumber).status()).isEqualTo(ComplaintStatus.CLOSED);
    }

    @Test
    void aRefusedExtensionKeepsTheDeadlineAndItsTimers() {
        String trackingNumber = routed("GD-HC", "SLOW_ACTION");
        handledUntilHandling(trackingNumber);
        List<String> timers = cases.timers(trackingNumber).stream().map(Job::getId).toList();

        cases.complete(trackingNumber, Activity.HANDLING, Map.of("handlingAction", "REQUEST_EXTENSION",
                "extensionReason", "人手不足", "extensionWorkingDays", 10));
        cases.complete(trackingNumber, Activity.REVIEW_EXTENSION, Map.of("extensionApproved", false,
                "extensionDecisionReason", "人手不足不是延期理由。"));

        assertThat(cases.instance(trackingNumber)).hasPassed("Task_RecordExtensionDecision")
                .hasNotPassed("Task_ExtendHandlingDeadline").isWaitingAt(Activity.HANDLING);
        assertThat(cases.task(trackingNumber, Activity.HANDLING).getDueDate().toInstant()).isEqualTo(HANDLING_DUE);
        assertThat(cases.timers(trackingNumber)).extracting(Job::getId).containsExactlyInAnyOrderElementsOf(timers);
        assertThat(complaint(trackingNumber).extensionApproved()).isFalse();
        assertThat(complaint(trackingNumber).handlingDueAt()).isEqualTo(HANDLING_DUE);
    }

    @Test
    void handlingAndReviewDecisionsAreCheckedBeforeTheTaskCompletes() {
        String trackingNumber = routed("GD-NR", "OTHER");
        handledUntilHandling(trackingNumber);
        String handling = cases.task(trackingNumber, Activity.HANDLING).getId();

        assertThatThrownBy(() -> tasks.complete(handling, Map.of("handlingAction", "REPLY", "replyText", "")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("「答复内容」");
        assertThatThrownBy(() -> tasks.complete(handling, Map.of("handlingAction", "REQUEST_EXTENSION",
                "extensionReason", "", "extensionWorkingDays", 5)))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("「延期理由」");
        assertThatThrownBy(() -> tasks.complete(handling, Map.of("handlingAction", "REQUEST_EXTENSION",
                "extensionReason", "专家论证", "extensionWorkingDays", 16)))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("1 至 15");
        assertThatThrownBy(() -> tasks.complete(handling, Map.of()))
                .isInstanceOf(ProcessEngineException.class);

        CaseDriver.moveClockTo(HANDLING_DUE.plus(Duration.ofMinutes(1)));
        assertThatThrownBy(() -> tasks.complete(handling, Map.of("handlingAction", "REQUEST_EXTENSION",
                "extensionReason", "专家论证", "extensionWorkingDays", 5)))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("办理截止时间已过");

        reply(trackingNumber, "已办结。");
        String review = cases.task(trackingNumber, Activity.REVIEW_REPLY).getId();
        assertThatThrownBy(() -> tasks.complete(review, Map.of("reviewDecision", "REWORK")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("「审核意见」");
        assertThat(cases.task(trackingNumber, Activity.REVIEW_REPLY).getId()).isEqualTo(review);
    }

    @Test
    void anIntegrityComplaintIsEscalatedToDisciplineAtTriageWhileTheDepartmentStillOwesItsFeedback() {
        String trackingNumber = routed("GD-AMR", "INTEGRITY");
        String triage = cases.task(trackingNumber, Activity.TRIAGE).getId();
        assertThatThrownBy(() -> tasks.complete(triage, Map.of("triageDecision", "ESCALATE")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("移交纪检须在「理由」");

        cases.complete(trackingNumber, Activity.TRIAGE, Map.of("triageDecision", "ESCALATE",
                "triageReason", "办事人员索要“好处费”"));

        assertThat(cases.instance(trackingNumber))
                .hasPassed("Event_EscalateIntegrityToDiscipline", "EndEvent_EscalatedToDiscipline")
                .isWaitingAt(Activity.FIRST_FEEDBACK);
        ProcessInstance discipline = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey("disciplinary-escalation").processInstanceBusinessKey(trackingNumber)
                .singleResult();
        assertThat(discipline).isNotNull();
        assertThat(engine.getRuntimeService().getVariables(discipline.getId()))
                .containsEntry("escalatedDepartmentCode", "GD-AMR").containsEntry("escalationSource", "TRIAGE")
                .containsEntry("escalationReason", "办事人员索要“好处费”")
                .containsEntry("trackingNumber", trackingNumber);
    }

    // ---- Issue 13: no case may stall -------------------------------------------------------------------------

    private long mailsWithSubject(String trackingNumber, String subjectPart) {
        return mailsAbout(trackingNumber).stream().filter(m -> m.subject().contains(subjectPart)).count();
    }

    private boolean hasCandidateGroup(String trackingNumber, String taskKey, String group) {
        return candidateGroups(cases.task(trackingNumber, taskKey)).contains(group);
    }

    @Test
    void theHandlingClockRunsFromRoutingAndClimbsTheWholeLadderWhenTheDepartmentNeverAnswers() {
        String trackingNumber = routed("GD-TD", "INACTION");

        // The handling deadline exists from routing on, in the table (for the KPIs) and as timers.
        assertThat(complaint(trackingNumber).handlingDueAt()).isEqualTo(HANDLING_DUE);
        assertThat(cases.timers(trackingNumber)).extracting(j -> j.getDuedate().toInstant())
                .contains(HANDLING_REMINDER, HANDLING_DUE);

        cases.advanceTo(trackingNumber, HANDLING_REMINDER);
        assertThat(cases.instance(trackingNumber)).hasPassed("BoundaryEvent_HandlingReminderBeforeFeedback",
                "Task_SendHandlingReminder").isWaitingAt(Activity.FIRST_FEEDBACK);
        assertThat(mailsWithSubject(trackingNumber, "办理期限将至")).isEqualTo(1);

        cases.advanceTo(trackingNumber, HANDLING_DUE);
        assertThat(cases.instance(trackingNumber)).hasPassed("BoundaryEvent_HandlingBreachBeforeFeedback",
                "Task_RecordHandlingBreach").isWaitingAt(Activity.FIRST_FEEDBACK, Activity.SUPERVISION_NOTICE);
        assertThat(records.breachesOf(trackingNumber)).extracting(BreachFacts::kind)
                .containsExactly(BreachKind.FIRST_FEEDBACK, BreachKind.HANDLING);
        Task notice = cases.task(trackingNumber, Activity.SUPERVISION_NOTICE);
        assertThat(notice.getDueDate().toInstant()).isEqualTo(Instant.parse("2026-03-24T16:00:00Z"));
        assertThat(notice.getFollowUpDate()).isNotNull();

        // 督办: the office writes the notice; the department has 3 working days.
        cases.complete(trackingNumber, Activity.SUPERVISION_NOTICE, Map.of("noticeText", "请于3个工作日内办结。"));
        Instant noticeDue = Instant.parse("2026-03-26T16:00:00Z");
        assertThat(cases.instance(trackingNumber)).hasPassed("Task_RecordSupervisionNotice",
                "Task_SendSupervisionNotice").isWaitingAt(Activity.FIRST_FEEDBACK, "Timer_SupervisionNoticeDue");
        assertThat(complaint(trackingNumber).supervisionNoticeDueAt()).isEqualTo(noticeDue);
        assertThat(mailsAbout(trackingNumber)).filteredOn(m -> m.subject().contains("督办通知")).isNotEmpty()
                .allSatisfy(m -> assertThat(m.body()).contains("2026-03-26 24:00"));

        // 通报: the notice was ignored; the head of the department is told, with a deadline of its own.
        cases.advanceTo(trackingNumber, noticeDue);
        Instant criticismDue = Instant.parse("2026-03-31T16:00:00Z");
        assertThat(cases.instance(trackingNumber)).hasPassed("Task_CheckReplyAfterNotice",
                "Task_RecordPublicCriticism", "Task_SendPublicCriticism")
                .isWaitingAt(Activity.FIRST_FEEDBACK, "Timer_PublicCriticismDue");
        assertThat(complaint(trackingNumber).criticizedAt()).isEqualTo(noticeDue);
        assertThat(complaint(trackingNumber).criticismDueAt()).isEqualTo(criticismDue);
        assertThat(mailsAbout(trackingNumber)).filteredOn(m -> m.subject().contains("通报")).isNotEmpty()
                .allSatisfy(m -> {
                    assertThat(m.to()).containsExactly("head@td.example.gov.cn");
                    assertThat(m.body()).contains("2026-03-31 24:00");
                });

        // 执纪问责: still nothing; the rules are asked, and the discipline table refers the department.
        cases.advanceTo(trackingNumber, criticismDue);
        assertThat(cases.instance(trackingNumber)).hasPassed("Task_CheckReplyAfterCriticism",
                "Task_ReferOverdueHandlingToRules", "EndEvent_ReferredToRules")
                .isWaitingAt(Activity.FIRST_FEEDBACK);
        assertThat(complaint(trackingNumber).referredToRulesAt()).isEqualTo(criticismDue);
        // Recorded, and shown to staff: the API and the case page.
        try {
            mvc.perform(get("/api/complaints/" + trackingNumber).with(httpBasic("supervisor", "supervisor")))
                    .andExpect(jsonPath("$.ladder.noticeDueAt").value("2026-03-26T16:00:00Z"))
                    .andExpect(jsonPath("$.ladder.criticismDueAt").value("2026-03-31T16:00:00Z"))
                    .andExpect(jsonPath("$.ladder.referredToRulesAt").value("2026-03-31T16:00:00Z"));
            mvc.perform(get("/staff/complaints/" + trackingNumber).with(httpBasic("supervisor", "supervisor")))
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("通报部门负责人")));
        } catch (Exception ex) {
            throw new AssertionError(ex);
        }
        ProcessInstance check = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey("supervision-rule-check").processInstanceBusinessKey(trackingNumber)
                .variableValueEquals("ruleTrigger", "CRITICISM_IGNORED").singleResult();
        assertThat(check).isNotNull();
        engine.getManagementService().createJobQuery().processInstanceId(check.getId()).list()
                .forEach(job -> engine.getManagementService().executeJob(job.getId()));
        // The rules refer the department to the inspectors: a disciplinary case of GD-TD for this month holds the
        // complaint as its evidence. It is this complaint's own case unless another test of the shared database
        // opened one for GD-TD under the same rule this month (one open case per department, rule and month).
        Map<String, Object> claim = jdbc.queryForMap("select c.tracking_number, c.department_code"
                + " from disciplinary_escalation_evidence e join disciplinary_escalation_claim c on c.id = e.claim_id"
                + " where e.tracking_number = ? and e.source = 'RULES'", trackingNumber);
        assertThat(claim).containsEntry("department_code", "GD-TD");
        String openedBy = (String) claim.get("tracking_number");
        ProcessInstance discipline = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey("disciplinary-escalation").processInstanceBusinessKey(openedBy)
                .variableValueEquals("escalatedDepartmentCode", "GD-TD").singleResult();
        assertThat(discipline).isNotNull();
        assertThat(engine.getRuntimeService().getVariables(discipline.getId()))
                .containsEntry("escalationSource", "RULES");

        // A late first feedback enters handling past the deadline: the same breach, no second ladder.
        cases.complete(trackingNumber, Activity.FIRST_FEEDBACK, Map.of("firstFeedbackText", "迟到的反馈。"));
        assertThat(cases.instance(trackingNumber)).hasPassed("EndEvent_HandlingBreachAlreadyRecorded",
                "EndEvent_HandlingReminderSkipped").isWaitingAt(Activity.HANDLING);
        assertThat(records.breachesOf(trackingNumber)).extracting(BreachFacts::kind)
                .containsExactly(BreachKind.FIRST_FEEDBACK, BreachKind.HANDLING);
        assertThat(mailsWithSubject(trackingNumber, "办理期限将至")).isEqualTo(1);
    }

    @Test
    void aReplyAfterTheSupervisionNoticeStopsTheLadder() {
        String trackingNumber = routed("GD-NR", "SLOW_ACTION");
        handledUntilHandling(trackingNumber);
        cases.advanceTo(trackingNumber, HANDLING_DUE);
        cases.complete(trackingNumber, Activity.SUPERVISION_NOTICE, Map.of("noticeText", "请尽快办结。"));

        reply(trackingNumber, "已办结。");
        cases.advanceTo(trackingNumber, Instant.parse("2026-03-26T16:00:00Z"));

        assertThat(cases.instance(trackingNumber)).hasPassed("Task_CheckReplyAfterNotice",
                "EndEvent_AnsweredAfterNotice").hasNotPassed("Task_RecordPublicCriticism")
                .isWaitingAt(Activity.REVIEW_REPLY);
        assertThat(complaint(trackingNumber).criticizedAt()).isNull();
    }

    @Test
    void aReplyAfterThePublicCriticismStopsTheLadderBeforeTheRules() {
        String trackingNumber = routed("GD-EE", "SLOW_ACTION");
        handledUntilHandling(trackingNumber);
        cases.advanceTo(trackingNumber, HANDLING_DUE);
        cases.complete(trackingNumber, Activity.SUPERVISION_NOTICE, Map.of("noticeText", "请尽快办结。"));
        cases.advanceTo(trackingNumber, Instant.parse("2026-03-26T16:00:00Z"));
        assertThat(complaint(trackingNumber).criticizedAt()).isNotNull();

        reply(trackingNumber, "已办结，超期原因已说明。");
        cases.advanceTo(trackingNumber, Instant.parse("2026-03-31T16:00:00Z"));

        assertThat(cases.instance(trackingNumber)).hasPassed("Task_CheckReplyAfterCriticism",
                "EndEvent_AnsweredAfterCriticism").hasNotPassed("Task_ReferOverdueHandlingToRules")
                .isWaitingAt(Activity.REVIEW_REPLY);
        assertThat(complaint(trackingNumber).referredToRulesAt()).isNull();
    }

    @Test
    void reworkAfterTheReminderOrTheDeadlineSendsNoDueSoonMailAndRecordsNoSecondOverdue() {
        String trackingNumber = routed("GD-HC", "INACTION");
        handledUntilHandling(trackingNumber);
        cases.advanceTo(trackingNumber, HANDLING_REMINDER);
        assertThat(mailsWithSubject(trackingNumber, "办理期限将至")).isEqualTo(1);

        // Rework after the reminder's moment, before the deadline: the reminder is not sent again.
        reply(trackingNumber, "初步答复。");
        cases.complete(trackingNumber, Activity.REVIEW_REPLY, Map.of("reviewDecision", "REWORK",
                "reviewComment", "请补充核查结果。"));
        assertThat(cases.instance(trackingNumber)).hasPassed("EndEvent_HandlingReminderSkipped")
                .isWaitingAt(Activity.HANDLING);
        assertThat(mailsWithSubject(trackingNumber, "办理期限将至")).isEqualTo(1);

        // Rework after the deadline: neither "due soon" nor a second overdue.
        cases.advanceTo(trackingNumber, HANDLING_DUE);
        cases.complete(trackingNumber, Activity.SUPERVISION_NOTICE, Map.of("noticeText", "请尽快办结。"));
        reply(trackingNumber, "补充答复。");
        cases.complete(trackingNumber, Activity.REVIEW_REPLY, Map.of("reviewDecision", "REWORK",
                "reviewComment", "仍未说明超期原因。"));
        assertThat(mailsWithSubject(trackingNumber, "办理期限将至")).isEqualTo(1);
        assertThat(mailsWithSubject(trackingNumber, "督办通知")).isEqualTo(2);
        assertThat(records.breachesOf(trackingNumber)).extracting(BreachFacts::kind)
                .containsExactly(BreachKind.HANDLING);
        assertThat(tasks.createTaskQuery().processInstanceId(cases.processInstanceId(trackingNumber))
                .taskDefinitionKey(Activity.SUPERVISION_NOTICE).count()).isZero();

        // The redo is not left without a clock: returned after the deadline, it has a deadline of its own
        // (5 working days), and missing it is a second breach of that deadline, with the ladder again.
        Instant reworkDue = complaint(trackingNumber).handlingDueAt();
        assertThat(reworkDue).isAfter(HANDLING_DUE);
        assertThat(cases.task(trackingNumber, Activity.HANDLING)).isNotNull();
        cases.advanceTo(trackingNumber, reworkDue);
        assertThat(records.breachesOf(trackingNumber)).extracting(BreachFacts::kind)
                .containsExactly(BreachKind.HANDLING, BreachKind.HANDLING);
        assertThat(cases.task(trackingNumber, Activity.SUPERVISION_NOTICE)).isNotNull();
    }

    @Test
    void officeTasksHaveADueDateAReminderAndGoToTheHeadOfTheOfficeWhenOverdue() {
        String trackingNumber = routed("GD-PSD", "OTHER");
        Task triage = cases.task(trackingNumber, Activity.TRIAGE);
        assertThat(triage.getDueDate().toInstant()).isEqualTo(MONDAY_MORNING.plus(Duration.ofHours(24)));
        assertThat(triage.getFollowUpDate().toInstant()).isEqualTo(MONDAY_MORNING.plus(Duration.ofHours(20)));

        cases.advance(trackingNumber, Duration.ofHours(20));
        assertThat(mailsAbout(trackingNumber)).filteredOn(m -> m.subject().contains("即将到期")).singleElement()
                .satisfies(m -> {
                    assertThat(m.subject()).contains("分办审核");
                    assertThat(m.to()).containsExactly("supervision-office@example.gov.cn");
                });
        assertThat(hasCandidateGroup(trackingNumber, Activity.TRIAGE, "supervision-head")).isFalse();

        cases.advance(trackingNumber, Duration.ofHours(4));
        assertThat(cases.instance(trackingNumber)).hasPassed("BoundaryEvent_TriageOverdue", "Task_EscalateTriage");
        assertThat(hasCandidateGroup(trackingNumber, Activity.TRIAGE, "supervision-head")).isTrue();
        assertThat(hasCandidateGroup(trackingNumber, Activity.TRIAGE, "supervision-office")).isTrue();
        // One mail to the head, the office in copy (GreenMail keeps a copy per recipient).
        assertThat(mailsAbout(trackingNumber)).filteredOn(m -> m.subject().contains("逾期未办")).hasSize(2)
                .allSatisfy(m -> {
                    assertThat(m.to()).containsExactly("supervision-head@example.gov.cn");
                    assertThat(m.cc()).containsExactly("supervision-office@example.gov.cn");
                });

        cases.complete(trackingNumber, Activity.TRIAGE, Map.of("triageDecision", "ACCEPT"));
        cases.complete(trackingNumber, Activity.FIRST_FEEDBACK, Map.of("firstFeedbackText", "已受理。"));
        reply(trackingNumber, "已办结。");
        Instant repliedAt = MONDAY_MORNING.plus(Duration.ofHours(24));
        Task review = cases.task(trackingNumber, Activity.REVIEW_REPLY);
        // 3 working days after the reply (Tuesday 3 March): the end of Friday 6 March.
        Instant reviewDue = Instant.parse("2026-03-06T16:00:00Z");
        assertThat(review.getDueDate().toInstant()).isEqualTo(reviewDue);
        assertThat(review.getFollowUpDate().toInstant()).isBetween(repliedAt, reviewDue);
        assertThat(hasCandidateGroup(trackingNumber, Activity.REVIEW_REPLY, "supervision-head")).isFalse();

        cases.advanceTo(trackingNumber, review.getFollowUpDate().toInstant());
        assertThat(mailsAbout(trackingNumber)).filteredOn(m -> m.subject().contains("即将到期")
                && m.subject().contains("答复审核")).hasSize(1);
        cases.advanceTo(trackingNumber, reviewDue);
        assertThat(cases.instance(trackingNumber)).hasPassed("Task_EscalateReplyReview");
        assertThat(hasCandidateGroup(trackingNumber, Activity.REVIEW_REPLY, "supervision-head")).isTrue();
    }

    @Test
    void anUnwrittenSupervisionNoticeGoesToTheHeadOfTheOffice() {
        String trackingNumber = routed("GD-DRC", "SLOW_ACTION");
        handledUntilHandling(trackingNumber);
        cases.advanceTo(trackingNumber, HANDLING_DUE);
        assertThat(hasCandidateGroup(trackingNumber, Activity.SUPERVISION_NOTICE, "supervision-head")).isFalse();
        // Created on its last working day: reminded half-way, at noon of Tuesday 24 March.
        assertThat(cases.task(trackingNumber, Activity.SUPERVISION_NOTICE).getFollowUpDate().toInstant())
                .isEqualTo(Instant.parse("2026-03-24T04:00:00Z"));
        cases.advanceTo(trackingNumber, Instant.parse("2026-03-24T04:00:00Z"));
        assertThat(mailsAbout(trackingNumber)).filteredOn(m -> m.subject().contains("即将到期")
                && m.subject().contains("督办")).hasSize(1);

        cases.advanceTo(trackingNumber, Instant.parse("2026-03-24T16:00:00Z"));
        assertThat(cases.instance(trackingNumber)).hasPassed("Task_EscalateSupervisionNotice");
        assertThat(hasCandidateGroup(trackingNumber, Activity.SUPERVISION_NOTICE, "supervision-head")).isTrue();
    }

    @Test
    void aReplyCannotBeApprovedBeforeTriageButCanAfterIt() {
        String trackingNumber = routed("GD-CAD", "ATTITUDE");
        cases.complete(trackingNumber, Activity.FIRST_FEEDBACK, Map.of("firstFeedbackText", "已受理。"));
        reply(trackingNumber, "已致歉并整改。");
        String review = cases.task(trackingNumber, Activity.REVIEW_REPLY).getId();

        assertThatThrownBy(() -> tasks.complete(review, Map.of("reviewDecision", "APPROVE")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("分办审核尚未完成");
        assertThat(cases.task(trackingNumber, Activity.REVIEW_REPLY).getId()).isEqualTo(review);

        cases.complete(trackingNumber, Activity.TRIAGE, Map.of("triageDecision", "ACCEPT"));
        cases.complete(trackingNumber, Activity.REVIEW_REPLY, Map.of("reviewDecision", "APPROVE"));
        assertThat(complaint(trackingNumber).status()).isEqualTo(ComplaintStatus.CLOSED);
    }

    @Test
    void aRejectionAfterTheDepartmentHasStartedNeedsTheHeadOfTheOffice() {
        String trackingNumber = routed("GD-EDU", "OTHER");
        cases.complete(trackingNumber, Activity.FIRST_FEEDBACK, Map.of("firstFeedbackText", "已受理，正在核查。"));
        String triage = cases.task(trackingNumber, Activity.TRIAGE).getId();
        Map<String, Object> reject = Map.of("triageDecision", "REJECT", "triageReason", "不属于效能投诉范围。");

        assertThatThrownBy(() -> cases.completeAs("supervisor", triage, reject))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("效能监督机构负责人决定");
        assertThat(cases.task(trackingNumber, Activity.TRIAGE).getId()).isEqualTo(triage);

        cases.completeAs("supervision-head", trackingNumber, Activity.TRIAGE, reject);
        assertThat(complaint(trackingNumber).status()).isEqualTo(ComplaintStatus.REJECTED);
    }

    @Test
    void aFailingRatingStartLeavesTheComplaintClosedAndBecomesAnIncident() {
        String trackingNumber = routed("GD-SDMA", "INACTION");
        handledUntilHandling(trackingNumber);
        reply(trackingNumber, "已办结。");
        String processInstanceId = cases.processInstanceId(trackingNumber);
        engine.getRepositoryService().suspendProcessDefinitionByKey("citizen-rating");
        try {
            tasks.complete(cases.task(trackingNumber, Activity.REVIEW_REPLY).getId(),
                    Map.of("reviewDecision", "APPROVE"));
            assertThat(complaint(trackingNumber).status()).isEqualTo(ComplaintStatus.CLOSED);
            Job ratingStart = engine.getManagementService().createJobQuery().processInstanceId(processInstanceId)
                    .activityId("Event_RatingRequested").singleResult();
            assertThat(ratingStart).isNotNull();
            for (int attempt = 0; attempt < 3; attempt++) {
                String jobId = ratingStart.getId();
                assertThatThrownBy(() -> engine.getManagementService().executeJob(jobId))
                        .isInstanceOf(ProcessEngineException.class);
            }
            assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(processInstanceId)
                    .activityId("Event_RatingRequested").count()).isEqualTo(1);
            assertThat(complaint(trackingNumber).status()).isEqualTo(ComplaintStatus.CLOSED);
            assertThat(mailsAbout(trackingNumber)).filteredOn(m -> m.subject().contains("投诉答复")).hasSize(1);
        } finally {
            engine.getRepositoryService().activateProcessDefinitionByKey("citizen-rating");
        }
        Job failed = engine.getManagementService().createJobQuery().processInstanceId(processInstanceId)
                .singleResult();
        engine.getManagementService().setJobRetries(failed.getId(), 1);
        engine.getManagementService().executeJob(failed.getId());
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId)
                .count()).isZero();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("citizen-rating")
                .processInstanceBusinessKey(trackingNumber).count()).isEqualTo(1);
    }

    @Test
    void everyTaskFormIsBoundToTheDeploymentOfItsModel() {
        var definition = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(ComplaintProcess.KEY).latestVersion().singleResult();
        var model = engine.getRepositoryService().getBpmnModelInstance(definition.getId());
        assertThat(model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.UserTask.class))
                .isNotEmpty().allSatisfy(task -> assertThat(task.getCamundaFormRefBinding())
                        .as("form binding of %s", task.getId()).isEqualTo("deployment"));

        // The form is found in the model's own deployment (Tasklist asks for it this way).
        String trackingNumber = routed("GD-HRSS", "OTHER");
        try (var form = engine.getFormService().getDeployedTaskForm(cases.task(trackingNumber, Activity.TRIAGE).getId())) {
            assertThat(new String(form.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("\"id\": \"complaintTriage\"");
        } catch (java.io.IOException ex) {
            throw new AssertionError(ex);
        }
    }
}
