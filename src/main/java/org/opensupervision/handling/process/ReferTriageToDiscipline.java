package org.opensupervision.handling.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opensupervision.discipline.DisciplinaryCases;
import org.opensupervision.workflow.ComplaintProcess.Var;
import org.opensupervision.workflow.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * The triage's message throw event to the discipline inspectors: an integrity complaint (吃拿卡要) is referred against
 * the department complained about, with the office's reason, through the discipline module's facade (which starts
 * {@code disciplinary-escalation} by its message and sets the severity).
 */
@Component("referTriageToDiscipline")
class ReferTriageToDiscipline implements JavaDelegate {

    private final DisciplinaryCases cases;

    ReferTriageToDiscipline(DisciplinaryCases cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cases.referFromTriage(execution.getProcessBusinessKey(),
                ProcessVariables.requiredText(execution, Var.DEPARTMENT_CODE),
                ProcessVariables.text(execution, Var.TRIAGE_REASON));
    }
}
