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
        String choose = "请选择整改或申诉 / Choose RECTIFY or APPEAL";
        RectificationAction action = ProcessVariables.decision(task, Var.RECTIFICATION_ACTION,
                RectificationAction.class, choose);
        if (action == null) {
            throw new BadUserRequestException(choose);
        }
        switch (action) {
            case RECTIFY -> ProcessVariables.requiredText(task, Var.RECTIFICATION_TEXT,
                    "请填写整改答复 / Write the rectification reply");
            case APPEAL -> {
                if (ProcessVariables.flag(task, Var.APPEAL_FILED)) {
                    throw new BadUserRequestException("每个案件只能申诉一次 / A case can be appealed once only");
                }
                ProcessVariables.requiredText(task, Var.APPEAL_REASON, "请写明申诉理由 / Give the appeal's reason");
            }
        }
    }
}
