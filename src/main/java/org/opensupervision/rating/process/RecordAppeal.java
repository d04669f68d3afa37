package org.opensupervision.rating.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opensupervision.rating.CitizenRatings;
import org.opensupervision.rating.RatingProcess.Var;
import org.opensupervision.workflow.ProcessVariables;
import org.springframework.stereotype.Component;

/** The department appeals the bad rating as malicious (申诉复核); one appeal per case. */
@Component("recordAppeal")
class RecordAppeal implements JavaDelegate {

    private final CitizenRatings ratings;

    RecordAppeal(CitizenRatings ratings) {
        this.ratings = ratings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ratings.recordAppeal(execution.getProcessBusinessKey(),
                ProcessVariables.requiredText(execution, Var.APPEAL_REASON, "申诉须在「申诉理由」中写明理由"),
                ProcessVariables.actor(execution));
        execution.setVariable(Var.APPEAL_FILED, true);
    }
}
