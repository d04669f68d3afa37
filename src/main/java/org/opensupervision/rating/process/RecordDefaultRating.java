package org.opensupervision.rating.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opensupervision.rating.CitizenRatings;
import org.opensupervision.rating.RatingProcess.Var;
import org.opensupervision.workflow.ProcessVariables;
import org.springframework.stereotype.Component;

/** Seven days without a rating: 基本满意, marked as defaulted. */
@Component("recordDefaultRating")
class RecordDefaultRating implements JavaDelegate {

    private final CitizenRatings ratings;

    RecordDefaultRating(CitizenRatings ratings) {
        this.ratings = ratings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ratings.recordDefault(execution.getProcessBusinessKey(),
                ProcessVariables.requiredInt(execution, Var.RATING_ROUND));
    }
}
