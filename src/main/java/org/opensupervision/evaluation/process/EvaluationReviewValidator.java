package org.opensupervision.evaluation.process;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.opensupervision.evaluation.MonthlyEvaluation.ReviewDecision;
import org.opensupervision.evaluation.MonthlyEvaluation.Var;
import org.springframework.stereotype.Component;

/**
 * The review publishes or corrects; a correction names the department, the indicator, both counts and a reason
 * (whether they fit the figure is checked when it is recorded, and the task stays open if not).
 */
@Component("evaluationReviewValidator")
class EvaluationReviewValidator implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        Object decision = task.getVariable(Var.DECISION);
        if (!(decision instanceof String d) || !isDecision(d)) {
            throw new BadUserRequestException("请选择发布或更正 / Choose PUBLISH or CORRECT");
        }
        if (ReviewDecision.CORRECT.name().equals(d)) {
            for (String field : new String[] {Var.CORRECTION_DEPARTMENT, Var.CORRECTION_INDICATOR,
                    Var.CORRECTION_NUMERATOR, Var.CORRECTION_DENOMINATOR, Var.CORRECTION_REASON}) {
                Object value = task.getVariable(field);
                if (value == null || value instanceof String s && s.isBlank()) {
                    throw new BadUserRequestException("更正须填写部门、指标、分子、分母和理由 / A correction needs the "
                            + "department, the indicator, both counts and a reason (" + field + ")");
                }
            }
        }
    }

    private static boolean isDecision(String value) {
        for (ReviewDecision d : ReviewDecision.values()) {
            if (d.name().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
