package org.opensupervision.evaluation.process;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.opensupervision.evaluation.MonthlyEvaluation.ReviewDecision;
import org.opensupervision.evaluation.MonthlyEvaluation.Var;
import org.opensupervision.workflow.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * The review publishes or corrects; a correction names the department, the indicator, both counts and a reason
 * (whether they fit the figure is checked when it is recorded, and the task stays open if not).
 */
@Component("evaluationReviewValidator")
class EvaluationReviewValidator implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        String choose = "请在「审核结果」中选择发布或更正";
        ReviewDecision decision = ProcessVariables.decision(task, Var.DECISION, ReviewDecision.class, choose);
        if (decision == null) {
            throw new BadUserRequestException(choose);
        }
        if (decision == ReviewDecision.CORRECT) {
            for (String field : new String[] {Var.CORRECTION_DEPARTMENT, Var.CORRECTION_INDICATOR,
                    Var.CORRECTION_NUMERATOR, Var.CORRECTION_DENOMINATOR, Var.CORRECTION_REASON}) {
                if (ProcessVariables.text(task, field) == null) {
                    throw new BadUserRequestException("更正须填写部门、指标、分子、分母和理由（缺少 " + field + "）");
                }
            }
        }
    }
}
