package org.opensupervision.rating.process;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opensupervision.rating.CitizenRating;
import org.opensupervision.rating.CitizenRatings;
import org.opensupervision.rating.RatingProcess.Var;
import org.opensupervision.workflow.ComplaintProcess;
import org.springframework.stereotype.Component;

/** Opens the first rating round: the complainant has seven calendar days. */
@Component("openRating")
class OpenRating implements JavaDelegate {

    private final CitizenRatings ratings;

    OpenRating(CitizenRatings ratings) {
        this.ratings = ratings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CitizenRating round = ratings.open(execution.getProcessBusinessKey(), 1,
                (String) execution.getVariable(ComplaintProcess.Var.HANDLING_DEPARTMENT_CODE));
        execution.setVariable(Var.RATING_ROUND, round.getRound());
        execution.setVariable(Var.RATING_DUE_AT, Date.from(round.getDueAt()));
    }
}
