package org.opensupervision.discipline.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opensupervision.discipline.DisciplinaryCases;
import org.opensupervision.discipline.EscalationSource;
import org.opensupervision.workflow.ProcessVariables;
import org.opensupervision.workflow.SupervisionProcesses.Discipline;
import org.springframework.stereotype.Component;

/**
 * The message throw events that refer a case to the discipline inspectors (triage, supervision rules). The model
 * names department, source, reason and severity as local inputs of the event, and the supervision rules also the
 * deciding rule ({@code escalationRuleKey}): one open case per department, rule and month.
 */
@Component("requestDisciplinaryEscalation")
class RequestDisciplinaryEscalation implements JavaDelegate {

    private final DisciplinaryCases cases;

    RequestDisciplinaryEscalation(DisciplinaryCases cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cases.requestEscalation(execution.getProcessBusinessKey(),
                (String) execution.getVariable(Discipline.DEPARTMENT_CODE),
                EscalationSource.valueOf((String) execution.getVariable(Discipline.SOURCE)),
                ProcessVariables.text(execution, Discipline.REASON),
                ((Number) execution.getVariable(Discipline.SEVERITY)).intValue(),
                ProcessVariables.text(execution, Discipline.RULE_KEY));
    }
}
