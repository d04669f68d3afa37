package org.opensupervision.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opensupervision.CoversEveryPathOf;
import org.opensupervision.IntegrationTest;
import org.opensupervision.OwnsPeriod;
import org.opensupervision.OwnsPeriod.Cases;
import org.opensupervision.ReceivedMail;
import org.opensupervision.evaluation.MonthlyEvaluation.Var;
import org.opensupervision.handling.CaseDriver;
import org.opensupervision.ladder.StepEscalations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every path of {@code monthly-evaluation}, driven by the engine clock: the monthly timer starts it, it waits for the
 * first working day, computes, the evaluation office corrects a figure and publishes (July 2025); in January the month
 * and the year are evaluated one after the other (December 2024 and 2024, with 1 January a holiday), and a review left
 * past its reminder and due date is reminded and offered to the head of the supervision office.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@CoversEveryPathOf(MonthlyEvaluation.KEY)
@OwnsPeriod(value = "2025-07", departments = "GD-AMR", cases = Cases.COMPLAINTS,
        because = "corrects GD-AMR's satisfaction of the month from no rating at all")
class MonthlyEvaluationProcessTest extends IntegrationTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    Evaluations evaluations;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void assertions() {
        init(engine);
    }

    @AfterAll
    void removeTheEvaluations() {
        for (String period : List.of("2025-07", "2024-12", "2024")) {
            jdbc.update("delete from evaluation_correction where period = ?", period);
            jdbc.update("delete from evaluation_run where period = ?", period);
        }
    }

    /** Fires the monthly start timer at {@code at}; returns the instance it started. */
    private ProcessInstance startAt(Instant at) {
        CaseDriver.moveClockTo(at);
        List<String> before = runtime.createProcessInstanceQuery().processDefinitionKey(MonthlyEvaluation.KEY).list()
                .stream().map(ProcessInstance::getId).toList();
        Job timer = management.createJobQuery().processDefinitionKey(MonthlyEvaluation.KEY).timers().list().stream()
                .filter(j -> j.getProcessInstanceId() == null).findFirst().orElseThrow();
        management.executeJob(timer.getId());
        return runtime.createProcessInstanceQuery().processDefinitionKey(MonthlyEvaluation.KEY).list().stream()
                .filter(p -> !before.contains(p.getId())).findFirst().orElseThrow();
    }

    /** Runs the instance's jobs due at the engine's time, earliest first, as the job executor would. */
    private void runDueJobs(ProcessInstance instance) {
        for (int i = 0; i < 20; i++) {
            List<Job> due = management.createJobQuery().processInstanceId(instance.getId()).executable().list()
                    .stream().sorted(Comparator.comparing(Job::getDuedate)).toList();
            if (due.isEmpty()) {
                return;
            }
            management.executeJob(due.get(0).getId());
        }
    }

    private Task review(ProcessInstance instance) {
        return tasks.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(MonthlyEvaluation.REVIEW_TASK).singleResult();
    }

    private void complete(Task task, String user, List<String> groups, Map<String, Object> variables) {
        identity.setAuthentication(user, groups);
        try {
            tasks.complete(task.getId(), variables);
        } finally {
            identity.clearAuthentication();
        }
    }

    /** The review form's fields correcting GD-AMR's satisfaction to one rating of one, with {@code reason}. */
    private static Map<String, Object> satisfactionCorrection(String reason) {
        Map<String, Object> correction = new HashMap<>();
        correction.put(Var.DECISION, "CORRECT");
        correction.put(Var.CORRECTION_DEPARTMENT, "GD-AMR");
        correction.put(Var.CORRECTION_INDICATOR, "SATISFACTION_RATE");
        correction.put(Var.CORRECTION_NUMERATOR, 1L);
        correction.put(Var.CORRECTION_DENOMINATOR, 1L);
        correction.put(Var.CORRECTION_REASON, reason);
        return correction;
    }

    @Test
    void theMonthIsComputedOnItsFirstWorkingDayCorrectedWithAReasonAndPublished() {
        // 1 August 2025, 00:30 in Beijing; a Friday, so the computation waits only until 09:00.
        ProcessInstance instance = startAt(Instant.parse("2025-07-31T16:30:00Z"));
        assertThat(instance).isWaitingAt("Event_FirstWorkingDay").variables()
                .containsEntry(Var.EVALUATION_MONTH, "2025-07")
                .containsEntry(Var.COMPUTE_AT, Date.from(Instant.parse("2025-08-01T01:00:00Z")));
        CaseDriver.moveClockTo(Instant.parse("2025-08-01T01:00:01Z"));
        runDueJobs(instance);
        assertThat(instance).isWaitingAt(MonthlyEvaluation.REVIEW_TASK).task().hasCandidateGroup("evaluation-office");
        Task task = review(instance);
        // Five working days after Friday 1 August: the end of Friday 8 August; reminded a working day before.
        assertThat(task.getDueDate()).isEqualTo(Date.from(Instant.parse("2025-08-08T16:00:00Z")));
        assertThat(task.getFollowUpDate()).isEqualTo(Date.from(Instant.parse("2025-08-07T16:00:00Z")));
        assertThat((String) runtime.getVariable(task.getExecutionId(), Var.TABLE)).contains("2025-07")
                .contains("GD-AMR");
        assertThat(evaluations.latest(new EvaluationPeriod("2025-07")).orElseThrow().status()).isEqualTo("DRAFT");

        // The evaluation office works the review through its form's fields only: the review's dates and the flags
        // of its mails are the platform's, not the reviewer's (the engine write guard, as for every task).
        assertThatThrownBy(() -> complete(task, "evaluator", List.of("evaluation-office"), Map.of(
                Var.DECISION, "PUBLISH", Var.REVIEW_DUE_AT, Date.from(Instant.parse("2030-01-01T00:00:00Z")))))
                .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
        assertThat(evaluations.published(new EvaluationPeriod("2025-07"))).isEmpty();

        // A correction needs its fields; the task stays open.
        assertThatThrownBy(() -> complete(task, "evaluator", List.of("evaluation-office"),
                Map.of(Var.DECISION, "CORRECT"))).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("更正须填写部门、指标、分子、分母和理由");
        complete(task, "evaluator", List.of("evaluation-office"),
                satisfactionCorrection("线下回访补录一条评价 / A rating taken by phone"));
        assertThat(instance).hasPassed("Task_RecordEvaluationCorrection").isWaitingAt(MonthlyEvaluation.REVIEW_TASK);
        EvaluationResult draft = evaluations.latest(new EvaluationPeriod("2025-07")).orElseThrow();
        assertThat(draft.corrections()).singleElement().satisfies(c -> {
            assertThat(c.correctedBy()).isEqualTo("evaluator");
            assertThat(c.originalDenominator()).isZero();
        });
        assertThat(draft.department("GD-AMR").orElseThrow().indicator(Indicator.SATISFACTION_RATE).value())
                .isEqualTo(1.0);

        complete(review(instance), "evaluator", List.of("evaluation-office"), Map.of(Var.DECISION, "PUBLISH"));
        // Published in the review's own transaction; the rest runs as jobs (asyncAfter).
        assertThat(evaluations.published(new EvaluationPeriod("2025-07"))).isPresent();
        runDueJobs(instance);
        assertThat(instance).hasPassed("EndEvent_PeriodPublished").isEnded();
        EvaluationResult published = evaluations.published(new EvaluationPeriod("2025-07")).orElseThrow();
        assertThat(published.version()).isEqualTo(1);
        assertThat(published.corrections()).hasSize(1);
    }

    @Test
    void inJanuaryTheMonthAndTheYearAreEvaluatedAndAnOverdueReviewGoesToTheHead() {
        // 1 January 2025, 00:30 in Beijing: a holiday, so the computation waits for Thursday 2 January, 09:00.
        ProcessInstance instance = startAt(Instant.parse("2024-12-31T16:30:00Z"));
        assertThat(instance).isWaitingAt("Event_FirstWorkingDay").variables()
                .containsEntry(Var.EVALUATION_MONTH, "2024-12")
                .containsEntry(Var.COMPUTE_AT, Date.from(Instant.parse("2025-01-02T01:00:00Z")));
        CaseDriver.moveClockTo(Instant.parse("2025-01-02T01:00:01Z"));
        runDueJobs(instance);
        Task december = review(instance);
        assertThat(runtime.getVariable(december.getExecutionId(), Var.PERIOD)).isEqualTo("2024-12");
        // Past the reminder (end of 8 January) and the due date (end of 9 January).
        CaseDriver.moveClockTo(Instant.parse("2025-01-09T16:00:01Z"));
        runDueJobs(instance);
        assertThat(instance).hasPassed("EndEvent_ReviewReminderSent", "EndEvent_ReviewEscalated")
                .isWaitingAt(MonthlyEvaluation.REVIEW_TASK).task().hasCandidateGroup("supervision-head");
        assertThat(review(instance).getPriority()).isGreaterThanOrEqualTo(StepEscalations.ESCALATED_PRIORITY);
        List<ReceivedMail> mails = mailsSentAbout("2024-12");
        assertThat(mails).anyMatch(m -> m.subject().contains("考评审核提醒")
                && m.to().contains("evaluation-office@example.gov.cn"));
        assertThat(mails).anyMatch(m -> m.subject().contains("考评审核逾期")
                && m.to().contains("supervision-head@example.gov.cn"));

        // A correction after the due date creates the task anew and its timers fire again at once: the task is
        // offered to the head again, but neither mail goes out a second time (GreenMail keeps a copy per recipient).
        int mailsBefore = mails.size();
        complete(review(instance), "evaluator", List.of("evaluation-office"),
                satisfactionCorrection("逾期后补录一条评价 / A rating recorded after the due date"));
        runDueJobs(instance);
        assertThat(instance).isWaitingAt(MonthlyEvaluation.REVIEW_TASK).task().hasCandidateGroup("supervision-head");
        assertThat(mailsSentAbout("2024-12")).hasSize(mailsBefore);

        // The demo head of the office is in both groups.
        complete(review(instance), "supervision-head", List.of("supervision-head", "supervision-office"), Map.of(Var.DECISION, "PUBLISH"));
        // December is published when the review completes; the year is computed in a job of its own after it.
        assertThat(evaluations.published(new EvaluationPeriod("2024-12"))).isPresent();
        assertThat(review(instance)).isNull();
        runDueJobs(instance);
        Task year = review(instance);
        assertThat(runtime.getVariable(year.getExecutionId(), Var.PERIOD)).isEqualTo("2024");
        assertThat(runtime.getVariable(year.getExecutionId(), Var.DECISION)).as("a fresh form").isNull();
        complete(year, "evaluator", List.of("evaluation-office"), Map.of(Var.DECISION, "PUBLISH"));
        runDueJobs(instance);
        assertThat(instance).isEnded();
        assertThat(evaluations.published(new EvaluationPeriod("2024-12"))).isPresent();
        assertThat(evaluations.published(new EvaluationPeriod("2024")).orElseThrow().period()).isEqualTo("2024");
    }
}
