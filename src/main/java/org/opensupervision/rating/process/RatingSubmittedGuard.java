package org.opensupervision.rating.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.opensupervision.rating.CitizenRatings;
import org.opensupervision.rating.RatingProcess.Var;
import org.opensupervision.workflow.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * End listener of the RatingSubmitted catch event, run in the correlating call before the event's asyncAfter save
 * point: a message from anyone but the complainant (no rating in our table) fails there and then, as it did before
 * the confirmation moved into a job.
 */
@Component("ratingSubmittedGuard")
class RatingSubmittedGuard implements ExecutionListener {

    private final CitizenRatings ratings;

    RatingSubmittedGuard(CitizenRatings ratings) {
        this.ratings = ratings;
    }

    @Override
    public void notify(DelegateExecution execution) {
        ratings.requireRated(execution.getProcessBusinessKey(),
                ProcessVariables.requiredInt(execution, Var.RATING_ROUND));
    }
}
