package org.opensupervision.rating.process;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.opensupervision.rating.RatingProcess.Var;
import org.opensupervision.workflow.ProcessVariables;
import org.springframework.stereotype.Component;

/** The department rectifies with a reply, or appeals once with a reason. */
@Component("rectificationActionValidator")
class RectificationActionValidator implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        String choose = "请在「处理方式」中选择整改或申诉";
        RectificationAction action = ProcessVariables.decision(task, Var.RECTIFICATION_ACTION,
                RectificationAction.class, choose);
        if (action == null) {
            throw new BadUserRequestException(choose);
        }
        switch (action) {
            case RECTIFY -> ProcessVariables.requiredText(task, Var.RECTIFICATION_TEXT,
                    "整改须在「整改答复」中填写答复");
            case APPEAL -> {
                if (ProcessVariables.flag(task, Var.APPEAL_FILED)) {
                    throw new BadUserRequestException("本案已申诉过一次，不能再次申诉，请整改");
                }
                ProcessVariables.requiredText(task, Var.APPEAL_REASON, "申诉须在「申诉理由」中写明理由");
            }
        }
    }
}
