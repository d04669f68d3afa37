package org.opensupervision.evaluation.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opensupervision.evaluation.EvaluationPeriod;
import org.opensupervision.evaluation.Evaluations;
import org.opensupervision.evaluation.MonthlyEvaluation.Var;
import org.opensupervision.workflow.ProcessVariables;
import org.springframework.stereotype.Component;

/** Publishes the reviewed draft of this pass's period (a period already published by hand is left as it is). */
@Component("publishEvaluation")
class PublishEvaluation implements JavaDelegate {

    private final Evaluations evaluations;

    PublishEvaluation(Evaluations evaluations) {
        this.evaluations = evaluations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        EvaluationPeriod period = EvaluationPeriod.parse(ProcessVariables.requiredText(execution, Var.PERIOD)).orElseThrow();
        if (evaluations.published(period).isEmpty()) {
            evaluations.publish(period, ProcessVariables.actor(execution));
        }
    }
}
