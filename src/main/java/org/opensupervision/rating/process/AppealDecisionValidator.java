package org.opensupervision.rating.process;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.opensupervision.rating.RatingProcess.Var;
import org.opensupervision.workflow.ProcessVariables;
import org.springframework.stereotype.Component;

/** The office's decision on an appeal says whether it is upheld, and why. */
@Component("appealDecisionValidator")
class AppealDecisionValidator implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        if (!(task.getVariable(Var.APPEAL_UPHELD) instanceof Boolean)) {
            throw new BadUserRequestException("请在「复核结论」中选择支持申诉或驳回申诉");
        }
        ProcessVariables.requiredText(task, Var.APPEAL_DECISION_REASON, "请在「复核理由」中写明理由");
    }
}
