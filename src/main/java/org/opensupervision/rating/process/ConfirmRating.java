package org.opensupervision.rating.process;

import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opensupervision.rating.CitizenRating;
import org.opensupervision.rating.CitizenRatings;
import org.opensupervision.rating.RatingProcess.Var;
import org.opensupervision.workflow.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * After the RatingSubmitted message: takes the rating from our table, where only the complainant can have put it.
 * A message correlated by anyone else (e.g. staff through the engine's REST API) finds no rating and fails. Whether
 * the rating opens a rectification is the decision table {@value #OUTCOME_TABLE}; the gateway reads its result
 * ({@value #OPENS_RECTIFICATION}).
 */
@Component("confirmRating")
class ConfirmRating implements JavaDelegate {

    static final String OUTCOME_TABLE = "rating-outcome";
    static final String OPENS_RECTIFICATION = "opensRectification";

    private final CitizenRatings ratings;
    private final DecisionService decisions;

    ConfirmRating(CitizenRatings ratings, DecisionService decisions) {
        this.ratings = ratings;
        this.decisions = decisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int round = ProcessVariables.requiredInt(execution, Var.RATING_ROUND);
        CitizenRating rating = ratings.confirmRated(execution.getProcessBusinessKey(), round);
        boolean bad = rating.getLevel().isBad();
        execution.setVariable(Var.RATING_BAD, bad);
        execution.setVariable(Var.RATING_LEVEL_LABEL, rating.getLevel().labelZh());
        execution.setVariable(Var.RATING_COMMENT, rating.getComment());
        Object due = decisions.evaluateDecisionTableByKey(OUTCOME_TABLE,
                Map.of(Var.RATING_BAD, bad, Var.RATING_ROUND, round)).getSingleEntry();
        execution.setVariable(OPENS_RECTIFICATION, Boolean.TRUE.equals(due));
    }
}
