package org.opensupervision.discipline.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opensupervision.discipline.DisciplinaryCases;
import org.opensupervision.discipline.DisciplinaryOutcome;
import org.opensupervision.workflow.ProcessVariables;
import org.opensupervision.workflow.SupervisionProcesses.Discipline;
import org.springframework.stereotype.Component;

/** Records the outcome against the department and the complaint. */
@Component("recordDisciplinaryOutcome")
class RecordDisciplinaryOutcome implements JavaDelegate {

    private final DisciplinaryCases cases;

    RecordDisciplinaryOutcome(DisciplinaryCases cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cases.recordOutcome(ProcessVariables.requiredLong(execution, Discipline.CASE_ID),
                DisciplinaryOutcome.valueOf((String) execution.getVariable(Discipline.OUTCOME)),
                ProcessVariables.text(execution, Discipline.FINDINGS),
                ProcessVariables.text(execution, Discipline.OUTCOME_REASON));
    }
}
