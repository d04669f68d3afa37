package org.opensupervision.evaluation.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A review left past its due date goes to the head of the supervision office too: the task is offered to
 * {@code supervision-head} (it stays with the evaluation office) and the head is mailed, the evaluation office in copy,
 * once per period (a task created anew by a correction is offered again, without a second mail).
 * See {@link EvaluationReviewSteps#escalate}.
 */
@Component("escalateEvaluationReview")
class EscalateEvaluationReview implements JavaDelegate {

    private final EvaluationReviewSteps reviews;

    EscalateEvaluationReview(EvaluationReviewSteps reviews) {
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reviews.escalate(execution);
    }
}
