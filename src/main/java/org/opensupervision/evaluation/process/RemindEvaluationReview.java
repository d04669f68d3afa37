package org.opensupervision.evaluation.process;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opensupervision.evaluation.EvaluationProperties;
import org.opensupervision.evaluation.MonthlyEvaluation.Var;
import org.opensupervision.ladder.StepEscalations;
import org.opensupervision.notification.Notice;
import org.opensupervision.workflow.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * The review's reminder (催办, {@link StepEscalations#mail}): a mail to the evaluation office before the due date,
 * once per period (a correction creates the task anew and its reminder timer fires again; the flag lives in the
 * period's scope).
 */
@Component("remindEvaluationReview")
class RemindEvaluationReview implements JavaDelegate {

    private final StepEscalations escalations;
    private final EvaluationReviewSteps reviews;
    private final EvaluationProperties properties;

    RemindEvaluationReview(StepEscalations escalations, EvaluationReviewSteps reviews,
                           EvaluationProperties properties) {
        this.escalations = escalations;
        this.reviews = reviews;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (ProcessVariables.flag(execution, Var.REVIEW_REMINDED)) {
            return;
        }
        execution.setVariable(Var.REVIEW_REMINDED, true);
        escalations.mail(reviews.review(execution), Notice.EVALUATION_REVIEW_REMINDER,
                List.of(properties.officeAddress()), List.of(), reviews.shown(execution));
    }
}
