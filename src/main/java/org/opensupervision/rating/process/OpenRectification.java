package org.opensupervision.rating.process;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opensupervision.rating.CitizenRatings;
import org.opensupervision.rating.RatingProcess.Var;
import org.opensupervision.workflow.ComplaintProcess;
import org.springframework.stereotype.Component;

/**
 * The callback is done (or there is none: an anonymous complainant cannot be called back): the department has 15
 * working days (official calendar) to rectify.
 */
@Component("openRectification")
class OpenRectification implements JavaDelegate {

    private final CitizenRatings ratings;

    OpenRectification(CitizenRatings ratings) {
        this.ratings = ratings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean anonymous = Boolean.TRUE.equals(execution.getVariable(ComplaintProcess.Var.ANONYMOUS));
        String note = anonymous ? null
                : RatingVariables.requiredText(execution, Var.CALLBACK_NOTE, "请填写回访记录 / Record the callback");
        var due = ratings.openRectification(execution.getProcessBusinessKey(), note, RatingVariables.actor(execution));
        execution.setVariable(Var.RECTIFICATION_DUE_AT, Date.from(due));
    }
}
