package org.opensupervision.evaluation.process;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opensupervision.evaluation.CorrectionRequest;
import org.opensupervision.evaluation.EvaluationPeriod;
import org.opensupervision.evaluation.EvaluationRejected;
import org.opensupervision.evaluation.EvaluationResult;
import org.opensupervision.evaluation.Evaluations;
import org.opensupervision.evaluation.MonthlyEvaluation.Var;
import org.opensupervision.workflow.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * Records the reviewer's correction (original kept, audited), shows the recomputed table and clears the form's
 * fields for the next look. A correction that does not fit the figure refuses the task's completion with the
 * reasons, and the task stays open.
 */
@Component("recordEvaluationCorrection")
class RecordEvaluationCorrection implements JavaDelegate {

    private final Evaluations evaluations;
    private final EvaluationTableText table;

    RecordEvaluationCorrection(Evaluations evaluations, EvaluationTableText table) {
        this.evaluations = evaluations;
        this.table = table;
    }

    @Override
    public void execute(DelegateExecution execution) {
        EvaluationPeriod period = EvaluationPeriod.parse(ProcessVariables.requiredText(execution, Var.PERIOD)).orElseThrow();
        CorrectionRequest request = new CorrectionRequest(ProcessVariables.text(execution, Var.CORRECTION_DEPARTMENT),
                ProcessVariables.text(execution, Var.CORRECTION_INDICATOR),
                number(execution.getVariable(Var.CORRECTION_NUMERATOR)),
                number(execution.getVariable(Var.CORRECTION_DENOMINATOR)),
                ProcessVariables.text(execution, Var.CORRECTION_REASON));
        EvaluationResult result;
        try {
            result = evaluations.correct(period, request, ProcessVariables.actor(execution));
        } catch (EvaluationRejected rejected) {
            throw new BadUserRequestException("更正未通过校验，请修改后重新提交：" + rejected.errors());
        }
        execution.setVariable(Var.TABLE, table.of(result));
        for (String field : new String[] {Var.DECISION, Var.CORRECTION_DEPARTMENT, Var.CORRECTION_INDICATOR,
                Var.CORRECTION_NUMERATOR, Var.CORRECTION_DENOMINATOR, Var.CORRECTION_REASON}) {
            execution.setVariable(field, null);
        }
    }

    private static Long number(Object value) {
        return value instanceof Number n ? Long.valueOf(n.longValue()) : null;
    }
}
