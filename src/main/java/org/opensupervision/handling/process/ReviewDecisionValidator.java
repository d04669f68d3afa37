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
                "请选择批准或退回重办 / Choose APPROVE or REWORK");
        if (decision == ReviewDecision.REWORK) {
            if (ProcessVariables.text(task, Var.REVIEW_COMMENT) == null) {
                throw new BadUserRequestException("退回重办须写明意见 / A return for rework needs a comment");
            }
        } else if (decision != ReviewDecision.APPROVE) {
            throw new BadUserRequestException("请选择批准或退回重办 / Choose APPROVE or REWORK");
        } else if (ProcessVariables.text(task, Var.TRIAGE_DECISION) == null) {
            throw new BadUserRequestException("请先完成分办审核再批准答复 / Complete the triage before approving the reply");
        }
    }
}
