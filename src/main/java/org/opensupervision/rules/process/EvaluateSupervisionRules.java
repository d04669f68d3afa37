package org.opensupervision.rules.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opensupervision.rules.RuleDecision;
import org.opensupervision.rules.RuleTrigger;
import org.opensupervision.rules.SupervisionRules;
import org.opensupervision.workflow.SupervisionProcesses.RuleCheck;
import org.springframework.stereotype.Component;

/** Evaluates the three rule tables for the case and hands the verdict to the model's gateway. */
@Component("evaluateSupervisionRules")
class EvaluateSupervisionRules implements JavaDelegate {

    private final SupervisionRules rules;

    EvaluateSupervisionRules(SupervisionRules rules) {
        this.rules = rules;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RuleDecision decision = rules.decide(execution.getProcessBusinessKey(),
                RuleTrigger.valueOf((String) execution.getVariable(RuleCheck.TRIGGER)),
                (String) execution.getVariable(RuleCheck.DEPARTMENT_CODE),
                (String) execution.getVariable(RuleCheck.CATEGORY));
        execution.setVariable(RuleCheck.DECISION_ID, decision.getId());
        execution.setVariable(RuleCheck.ACTION, decision.getAction().name());
        execution.setVariable(RuleCheck.SEVERITY, decision.getSeverity());
        execution.setVariable(RuleCheck.REASON, decision.getReason());
        execution.setVariable(RuleCheck.RULE_ID, decision.getRuleId());
        execution.setVariable(RuleCheck.DECIDED_BY, decision.getDecisionKey() == null ? ""
                : decision.getDecisionKey() + " v" + decision.getDecisionVersion() + " " + decision.getRuleId());
    }
}
