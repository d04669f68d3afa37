package org.opensupervision.evaluation.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The review's reminder (催办): a mail to the evaluation office before the due date, once per period.
 * See {@link EvaluationReviewSteps#remind}.
 */
@Component("remindEvaluationReview")
class RemindEvaluationReview implements JavaDelegate {

    private final EvaluationReviewSteps reviews;

    RemindEvaluationReview(EvaluationReviewSteps reviews) {
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reviews.remind(execution);
    }
}
