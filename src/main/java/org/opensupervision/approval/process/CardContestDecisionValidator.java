package org.opensupervision.approval.process;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.opensupervision.approval.CardContest;
import org.springframework.stereotype.Component;

/** The office upholds or withdraws a contested card, and says why. */
@Component("cardContestDecisionValidator")
class CardContestDecisionValidator implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        Object decision = task.getVariable(CardContest.Var.DECISION);
        if (!"UPHOLD".equals(decision) && !"WITHDRAW".equals(decision)) {
            throw new BadUserRequestException("请选择维持或撤销 / Choose UPHOLD or WITHDRAW");
        }
        Object reason = task.getVariable(CardContest.Var.DECISION_REASON);
        if (!(reason instanceof String text) || text.isBlank() || text.length() > 2000) {
            throw new BadUserRequestException("须写明理由（至多2000字）/ A reason of at most 2,000 characters is required");
        }
    }
}
