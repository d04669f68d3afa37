package org.opensupervision.approval.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opensupervision.approval.CardContest;
import org.opensupervision.approval.CardContests;
import org.opensupervision.workflow.ProcessVariables;
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
        contests.decide(ProcessVariables.requiredLong(execution, CardContest.Var.CARD_ID),
                CardContest.Decision.valueOf(ProcessVariables.requiredText(execution, CardContest.Var.DECISION)),
                ProcessVariables.requiredText(execution, CardContest.Var.DECISION_REASON),
                ProcessVariables.actor(execution));
    }
}
