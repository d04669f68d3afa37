package org.opensupervision.rating.process;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opensupervision.rating.CitizenRating;
import org.opensupervision.rating.CitizenRatings;
import org.opensupervision.rating.RatingProcess.Var;
import org.opensupervision.workflow.ProcessVariables;
import org.springframework.stereotype.Component;

/** The department rectified and replied; the second (last) rating round opens. */
@Component("recordRectification")
class RecordRectification implements JavaDelegate {

    private final CitizenRatings ratings;

    RecordRectification(CitizenRatings ratings) {
        this.ratings = ratings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CitizenRating round = ratings.recordRectification(execution.getProcessBusinessKey(),
                ProcessVariables.requiredText(execution, Var.RECTIFICATION_TEXT,
                        "整改须在「整改答复」中填写答复"), ProcessVariables.actor(execution));
        execution.setVariable(Var.RATING_ROUND, round.getRound());
        execution.setVariable(Var.RATING_DUE_AT, Date.from(round.getDueAt()));
    }
}
