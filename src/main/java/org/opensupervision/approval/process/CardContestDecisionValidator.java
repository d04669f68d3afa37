package org.opensupervision.approval.process;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.opensupervision.approval.CardContest;
import org.opensupervision.workflow.ProcessVariables;
import org.springframework.stereotype.Component;

/** The office upholds or withdraws a contested card ({@link CardContest.Decision}), and says why. */
@Component("cardContestDecisionValidator")
class CardContestDecisionValidator implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        String choose = "请在「审核结果」中选择维持或撤销该牌";
        if (ProcessVariables.decision(task, CardContest.Var.DECISION, CardContest.Decision.class, choose) == null) {
            throw new BadUserRequestException(choose);
        }
        String reason = ProcessVariables.text(task, CardContest.Var.DECISION_REASON);
        if (reason == null || reason.length() > 2000) {
            throw new BadUserRequestException("请在「审核理由」中写明理由（不超过 2000 字）");
        }
    }
}
