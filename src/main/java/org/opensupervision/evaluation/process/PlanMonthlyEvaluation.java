package org.opensupervision.evaluation.process;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opensupervision.evaluation.MonthlyEvaluation.Var;
import org.springframework.stereotype.Component;

/**
 * The month to evaluate and when to compute it ({@link EvaluationSchedule#plan}): the month before the start; the
 * first working day of the new month at the compute time, or at once when that is past.
 */
@Component("planMonthlyEvaluation")
class PlanMonthlyEvaluation implements JavaDelegate {

    private final EvaluationSchedule schedule;

    PlanMonthlyEvaluation(EvaluationSchedule schedule) {
        this.schedule = schedule;
    }

    @Override
    public void execute(DelegateExecution execution) {
        EvaluationSchedule.Plan plan = schedule.plan();
        execution.setVariable(Var.EVALUATION_MONTH, plan.month().toString());
        execution.setVariable(Var.COMPUTE_AT, Date.from(plan.computeAt()));
    }
}
