package org.opensupervision.rating.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opensupervision.rating.CitizenRatings;
import org.opensupervision.rating.RatingProcess.Var;
import org.opensupervision.workflow.ProcessVariables;
import org.springframework.stereotype.Component;

/** The supervision office's decision on the appeal, with its reason, into the record and the audit trail. */
@Component("recordAppealDecision")
class RecordAppealDecision implements JavaDelegate {

    private final CitizenRatings ratings;

    RecordAppealDecision(CitizenRatings ratings) {
        this.ratings = ratings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ratings.decideAppeal(execution.getProcessBusinessKey(), Boolean.TRUE.equals(
                execution.getVariable(Var.APPEAL_UPHELD)), ProcessVariables.requiredText(execution,
                Var.APPEAL_DECISION_REASON, "请在「复核理由」中写明理由"),
                ProcessVariables.actor(execution));
    }
}
