package org.opensupervision.rating.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opensupervision.rating.CitizenRatings;
import org.opensupervision.rating.RatingProcess.Var;
import org.springframework.stereotype.Component;

/** The rectification's deadline passed: a breach, recorded (and mailed, by the model) the first time only. */
@Component("recordRectificationOverdue")
class RecordRectificationOverdue implements JavaDelegate {

    private final CitizenRatings ratings;

    RecordRectificationOverdue(CitizenRatings ratings) {
        this.ratings = ratings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(Var.RECTIFICATION_OVERDUE_NEW,
                ratings.recordRectificationOverdue(execution.getProcessBusinessKey()));
    }
}
