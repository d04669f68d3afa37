package org.opensupervision.rating.process;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opensupervision.rating.CitizenRatings;
import org.opensupervision.rating.RatingProcess.Var;
import org.opensupervision.workflow.ComplaintProcess;
import org.opensupervision.workflow.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * The callback is done (or there is none: an anonymous complainant cannot be called back): the department has 15
 * working days (official calendar) to rectify. The callback note is withheld from the department.
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
                : ProcessVariables.requiredText(execution, Var.CALLBACK_NOTE, "请在「回访记录」中填写回访情况");
        var due = ratings.openRectification(execution.getProcessBusinessKey(), note, ProcessVariables.actor(execution));
        // The note may name the complainant: it is kept in citizen_rating for the office, and leaves the process
        // before the department's rectification task opens (task variables, the form), like contact data.
        execution.removeVariable(Var.CALLBACK_NOTE);
        execution.setVariable(Var.RECTIFICATION_DUE_AT, Date.from(due));
    }
}
