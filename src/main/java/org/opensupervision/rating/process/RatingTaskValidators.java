package org.opensupervision.rating.process;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.opensupervision.rating.RatingProcess.Var;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Server-side checks of the rating tasks' forms: Tasklist shows the message and the task stays open. */
@Configuration(proxyBeanMethods = false)
class RatingTaskValidators {

    @Bean
    TaskListener callbackValidator() {
        return task -> RatingVariables.requiredText(task, Var.CALLBACK_NOTE,
                "请填写回访记录 / Record the callback");
    }

    @Bean
    TaskListener rectificationActionValidator() {
        return (DelegateTask task) -> {
            Object action = task.getVariable(Var.RECTIFICATION_ACTION);
            if ("RECTIFY".equals(action)) {
                RatingVariables.requiredText(task, Var.RECTIFICATION_TEXT,
                        "请填写整改答复 / Write the rectification reply");
            } else if ("APPEAL".equals(action)) {
                if (Boolean.TRUE.equals(task.getVariable(Var.APPEAL_FILED))) {
                    throw new BadUserRequestException("每个案件只能申诉一次 / A case can be appealed once only");
                }
                RatingVariables.requiredText(task, Var.APPEAL_REASON, "请写明申诉理由 / Give the appeal's reason");
            } else {
                throw new BadUserRequestException("请选择整改或申诉 / Choose RECTIFY or APPEAL");
            }
        };
    }

    @Bean
    TaskListener appealDecisionValidator() {
        return task -> {
            if (!(task.getVariable(Var.APPEAL_UPHELD) instanceof Boolean)) {
                throw new BadUserRequestException("请选择是否支持申诉 / Decide whether the appeal is upheld");
            }
            RatingVariables.requiredText(task, Var.APPEAL_DECISION_REASON,
                    "请写明复核理由 / Give the decision's reason");
        };
    }
}
