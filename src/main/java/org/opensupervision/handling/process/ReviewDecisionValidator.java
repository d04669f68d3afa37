package org.opensupervision.handling.process;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.opensupervision.workflow.ComplaintProcess.Var;
import org.opensupervision.workflow.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * A review ends in approval, or in a return for rework that says what to redo. Triage is a gate: a reply cannot be
 * approved (and the case closed) before the supervision office has triaged the complaint.
 */
@Component("reviewDecisionValidator")
class ReviewDecisionValidator implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        ReviewDecision decision = ProcessVariables.decision(task, Var.REVIEW_DECISION, ReviewDecision.class,
                "请在「审核决定」中选择批准或退回重办");
        if (decision == ReviewDecision.REWORK) {
            if (ProcessVariables.text(task, Var.REVIEW_COMMENT) == null) {
                throw new BadUserRequestException("退回重办须在「审核意见」中写明意见");
            }
        } else if (decision != ReviewDecision.APPROVE) {
            throw new BadUserRequestException("请在「审核决定」中选择批准或退回重办");
        } else if (ProcessVariables.text(task, Var.TRIAGE_DECISION) == null) {
            throw new BadUserRequestException("分办审核尚未完成，请先完成分办审核再批准答复");
        }
    }
}
