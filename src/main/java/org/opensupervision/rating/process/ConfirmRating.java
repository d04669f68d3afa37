package org.opensupervision.rating.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opensupervision.rating.CitizenRating;
import org.opensupervision.rating.CitizenRatings;
import org.opensupervision.rating.RatingProcess.Var;
import org.opensupervision.workflow.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * After the RatingSubmitted message: takes the rating from our table, where only the complainant can have put it.
 * A message correlated by anyone else (e.g. staff through the engine's REST API) finds no rating and fails.
 */
@Component("confirmRating")
class ConfirmRating implements JavaDelegate {

    private final CitizenRatings ratings;

    ConfirmRating(CitizenRatings ratings) {
        this.ratings = ratings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CitizenRating rating = ratings.confirmRated(execution.getProcessBusinessKey(),
                ProcessVariables.requiredInt(execution, Var.RATING_ROUND));
        execution.setVariable(Var.RATING_BAD, rating.getLevel().isBad());
        execution.setVariable(Var.RATING_LEVEL_LABEL, rating.getLevel().label());
        execution.setVariable(Var.RATING_COMMENT, rating.getComment());
    }
}
