package org.opensupervision.evaluation.process;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opensupervision.evaluation.EvaluationPeriod;
import org.opensupervision.evaluation.EvaluationResult;
import org.opensupervision.evaluation.Evaluations;
import org.opensupervision.evaluation.MonthlyEvaluation.Var;
import org.opensupervision.workflow.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * Computes the draft of this pass's period for every department and opens its review: the table for the form, the
 * review's due date and reminder, and the form's fields declared in this pass (so a year's review starts blank).
 */
@Component("computeEvaluation")
class ComputeEvaluation implements JavaDelegate {

    private final Evaluations evaluations;
    private final EvaluationTableText table;
    private final EvaluationSchedule schedule;

    ComputeEvaluation(Evaluations evaluations, EvaluationTableText table, EvaluationSchedule schedule) {
        this.evaluations = evaluations;
        this.table = table;
        this.schedule = schedule;
    }

    @Override
    public void execute(DelegateExecution execution) {
        EvaluationPeriod period = EvaluationPeriod.parse(ProcessVariables.requiredText(execution, Var.PERIOD))
                .orElseThrow();
        // A period published by hand meanwhile (staff API) is shown as it stands, not computed again.
        EvaluationResult result = evaluations.published(period).orElseGet(() -> evaluations.compute(period, null));
        EvaluationSchedule.Review review = schedule.review();
        execution.setVariableLocal(Var.TABLE, table.of(result));
        execution.setVariableLocal(Var.RULE_VERSION, result.ruleVersion());
        execution.setVariableLocal(Var.REVIEW_DUE_AT, Date.from(review.dueAt()));
        execution.setVariableLocal(Var.REVIEW_REMINDER_AT, Date.from(review.reminderAt()));
        execution.setVariableLocal(Var.REVIEW_REMINDED, false);
        execution.setVariableLocal(Var.REVIEW_ESCALATED, false);
        for (String field : new String[] {Var.DECISION, Var.CORRECTION_DEPARTMENT, Var.CORRECTION_INDICATOR,
                Var.CORRECTION_NUMERATOR, Var.CORRECTION_DENOMINATOR, Var.CORRECTION_REASON}) {
            execution.setVariableLocal(field, null);
        }
    }
}
