package org.opensupervision.rules.process;

import java.util.Objects;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opensupervision.discipline.DisciplinaryCases;
import org.opensupervision.discipline.EscalationSource;
import org.opensupervision.rules.RuleTrigger;
import org.opensupervision.workflow.ProcessVariables;
import org.opensupervision.workflow.SupervisionProcesses.RuleCheck;
import org.springframework.stereotype.Component;

/**
 * The rule check's message throw event to the discipline inspectors, through the discipline module's facade: the
 * verdict's department, reason (with the table that decided), severity and rule, the rule being the deduplication key
 * (one open case per department, rule and month). A rule on a spot-check discrepancy counts as a referral from the
 * spot checks.
 */
@Component("referRuleToDiscipline")
class ReferRuleToDiscipline implements JavaDelegate {

    private final DisciplinaryCases cases;

    ReferRuleToDiscipline(DisciplinaryCases cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RuleTrigger trigger = RuleTrigger.valueOf(ProcessVariables.requiredText(execution, RuleCheck.TRIGGER));
        String reason = Objects.toString(ProcessVariables.text(execution, RuleCheck.REASON), "") + " ["
                + Objects.toString(ProcessVariables.text(execution, RuleCheck.DECIDED_BY), "") + "]";
        cases.requestEscalation(execution.getProcessBusinessKey(),
                ProcessVariables.requiredText(execution, RuleCheck.DEPARTMENT_CODE), sourceOf(trigger), reason,
                ProcessVariables.requiredInt(execution, RuleCheck.SEVERITY),
                ProcessVariables.text(execution, RuleCheck.RULE_ID));
    }

    /** Where the discipline inspectors see the referral come from. */
    static EscalationSource sourceOf(RuleTrigger trigger) {
        return trigger == RuleTrigger.SPOT_CHECK_DISCREPANCY ? EscalationSource.SPOT_CHECK : EscalationSource.RULES;
    }
}
