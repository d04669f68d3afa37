package org.opensupervision.handling.process;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.opensupervision.workflow.ComplaintProcess.Var;
import org.springframework.stereotype.Component;

/** A review ends in approval, or in a return for rework that says what to redo. */
@Component("reviewDecisionValidator")
class ReviewDecisionValidator implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        String decision = ProcessVariables.string(task, Var.REVIEW_DECISION);
        if ("REWORK".equals(decision)) {
            if (ProcessVariables.blank(ProcessVariables.string(task, Var.REVIEW_COMMENT))) {
                throw new BadUserRequestException("退回重办须写明意见 / A return for rework needs a comment");
            }
        } else if (!"APPROVE".equals(decision)) {
            throw new BadUserRequestException("请选择批准或退回重办 / Choose APPROVE or REWORK");
        }
    }
}
