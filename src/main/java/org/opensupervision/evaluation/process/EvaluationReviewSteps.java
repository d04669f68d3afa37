package org.opensupervision.evaluation.process;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.opensupervision.calendar.DeadlineDisplay;
import org.opensupervision.evaluation.MonthlyEvaluation;
import org.opensupervision.evaluation.MonthlyEvaluation.Var;
import org.opensupervision.ladder.StepEscalations;
import org.opensupervision.ladder.StepLadder;
import org.opensupervision.workflow.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * The review of this pass's period as a waiting step of {@link StepEscalations}, for the review's reminder and
 * escalation: its open task (a December run reviews the month and the year side by side, each its own task), and what
 * the evaluation's mails show (the period and the review's due date, {@value Var#REVIEW_DUE_AT}).
 */
@Component
class EvaluationReviewSteps {

    private final TaskService tasks;
    private final DeadlineDisplay display;

    EvaluationReviewSteps(TaskService tasks, DeadlineDisplay display) {
        this.tasks = tasks;
        this.display = display;
    }

    /** The open review tasks of this pass's period (one, or a new one a correction created). */
    List<StepEscalations.Step> openReviews(DelegateExecution execution) {
        String period = ProcessVariables.requiredText(execution, Var.PERIOD);
        return StepLadder.openTasks(tasks, execution, MonthlyEvaluation.REVIEW_TASK).stream()
                .filter(t -> period.equals(tasks.getVariable(t.getId(), Var.PERIOD)))
                .map(t -> StepEscalations.Step.of(t, null)).toList();
    }

    /** The review the mail is about: its open task, or (none open) the period's due date alone. */
    StepEscalations.Step review(DelegateExecution execution) {
        return openReviews(execution).stream().findFirst().orElseGet(() -> new StepEscalations.Step(null,
                execution.getProcessInstanceId(), null, null, Date.from(ProcessVariables.instant(execution, Var.REVIEW_DUE_AT))));
    }

    /** What the evaluation's reminder and overdue mails show besides the step. */
    Map<String, Object> shown(DelegateExecution execution) {
        return Map.of("period", ProcessVariables.requiredText(execution, Var.PERIOD),
                "dueAt", display.format(ProcessVariables.instant(execution, Var.REVIEW_DUE_AT)));
    }
}
