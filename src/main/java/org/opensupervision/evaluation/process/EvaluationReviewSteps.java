package org.opensupervision.evaluation.process;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.opensupervision.calendar.DeadlineDisplay;
import org.opensupervision.evaluation.EvaluationProperties;
import org.opensupervision.evaluation.MonthlyEvaluation;
import org.opensupervision.evaluation.MonthlyEvaluation.Var;
import org.opensupervision.ladder.StepEscalations;
import org.opensupervision.ladder.StepLadder;
import org.opensupervision.notification.Notice;
import org.opensupervision.workflow.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * The review's reminder and escalation, as a waiting step of the ladder's one implementation ({@link
 * StepEscalations}) with the evaluation's own mails, recipients and due date ({@value Var#REVIEW_DUE_AT}). Each mail
 * goes once per period: a correction creates the review task anew and its timers fire again, so the flags
 * ({@value Var#REVIEW_REMINDED}, {@value Var#REVIEW_ESCALATED}) live in the period's scope. A December run reviews
 * the month and the year side by side, each its own task.
 */
@Component
class EvaluationReviewSteps {

    private final TaskService tasks;
    private final StepEscalations escalations;
    private final EvaluationProperties properties;
    private final DeadlineDisplay display;

    EvaluationReviewSteps(TaskService tasks, StepEscalations escalations, EvaluationProperties properties,
                          DeadlineDisplay display) {
        this.tasks = tasks;
        this.escalations = escalations;
        this.properties = properties;
        this.display = display;
    }

    /** Mails the evaluation office that the review is due soon, once per period. */
    void remind(DelegateExecution execution) {
        if (firstTime(execution, Var.REVIEW_REMINDED)) {
            mail(execution, Notice.EVALUATION_REVIEW_REMINDER, List.of(properties.officeAddress()), List.of());
        }
    }

    /**
     * Offers the period's open review task to {@code supervision-head} ({@link StepEscalations#offerToHead}), every
     * time, and mails the head, the evaluation office in copy, once per period.
     */
    void escalate(DelegateExecution execution) {
        openReviews(execution).forEach(escalations::offerToHead);
        if (firstTime(execution, Var.REVIEW_ESCALATED)) {
            mail(execution, Notice.EVALUATION_REVIEW_OVERDUE, List.of(escalations.headAddress()),
                    List.of(properties.officeAddress()));
        }
    }

    private static boolean firstTime(DelegateExecution execution, String flag) {
        if (ProcessVariables.flag(execution, flag)) {
            return false;
        }
        execution.setVariable(flag, true);
        return true;
    }

    /** The open review tasks of this pass's period (one, or the new one a correction created). */
    private List<StepEscalations.Step> openReviews(DelegateExecution execution) {
        String period = ProcessVariables.requiredText(execution, Var.PERIOD);
        return StepLadder.openTasks(tasks, execution, MonthlyEvaluation.REVIEW_TASK).stream()
                .filter(t -> period.equals(tasks.getVariable(t.getId(), Var.PERIOD)))
                .map(t -> StepEscalations.Step.of(t, null)).toList();
    }

    /** A mail about the period's review (its open task, or none open, its due date alone): the period, the due date. */
    private void mail(DelegateExecution execution, Notice notice, List<String> to, List<String> cc) {
        Date due = Date.from(ProcessVariables.instant(execution, Var.REVIEW_DUE_AT));
        StepEscalations.Step review = openReviews(execution).stream().findFirst().orElseGet(
                () -> new StepEscalations.Step(null, execution.getProcessInstanceId(), null, null, due));
        escalations.mail(review, notice, to, cc, Map.of("period", ProcessVariables.requiredText(execution, Var.PERIOD),
                "dueAt", display.format(due.toInstant())));
    }
}
