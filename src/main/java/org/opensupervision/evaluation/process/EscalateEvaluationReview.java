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
 * A review left past its due date goes to the head of the supervision office too ({@link
 * StepEscalations#offerToHead}): the task is offered to {@code supervision-head} (it stays with the evaluation office)
 * and the head is mailed, the evaluation office in copy, once per period: a task created anew by a correction after
 * the due date is offered to the head again, without a second mail.
 */
@Component("escalateEvaluationReview")
class EscalateEvaluationReview implements JavaDelegate {

    private final StepEscalations escalations;
    private final EvaluationReviewSteps reviews;
    private final EvaluationProperties properties;

    EscalateEvaluationReview(StepEscalations escalations, EvaluationReviewSteps reviews,
                             EvaluationProperties properties) {
        this.escalations = escalations;
        this.reviews = reviews;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reviews.openReviews(execution).forEach(escalations::offerToHead);
        if (ProcessVariables.flag(execution, Var.REVIEW_ESCALATED)) {
            return;
        }
        execution.setVariable(Var.REVIEW_ESCALATED, true);
        escalations.mail(reviews.review(execution), Notice.EVALUATION_REVIEW_OVERDUE,
                List.of(escalations.headAddress()), List.of(properties.officeAddress()), reviews.shown(execution));
    }
}
