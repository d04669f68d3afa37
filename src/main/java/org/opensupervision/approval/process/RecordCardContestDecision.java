package org.opensupervision.approval.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.opensupervision.approval.CardContest;
import org.opensupervision.approval.CardContests;
import org.springframework.stereotype.Component;

/** Records the office's decision on the contested card (the officer is the user who completed the review). */
@Component("recordCardContestDecision")
class RecordCardContestDecision implements JavaDelegate {

    private final CardContests contests;

    RecordCardContestDecision(CardContests contests) {
        this.contests = contests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        contests.decide(((Number) execution.getVariable(CardContest.Var.CARD_ID)).longValue(),
                CardContest.Decision.valueOf((String) execution.getVariable(CardContest.Var.DECISION)),
                ((String) execution.getVariable(CardContest.Var.DECISION_REASON)).strip(),
                user == null ? null : user.getUserId());
    }
}
