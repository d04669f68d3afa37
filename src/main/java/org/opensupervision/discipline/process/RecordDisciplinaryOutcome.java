package org.opensupervision.discipline.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opensupervision.discipline.DisciplinaryCases;
import org.opensupervision.discipline.DisciplinaryOutcome;
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
        cases.recordOutcome(DisciplineVariables.caseId(execution),
                DisciplinaryOutcome.valueOf((String) execution.getVariable(Discipline.OUTCOME)),
                DisciplineVariables.text(execution, Discipline.FINDINGS),
                DisciplineVariables.text(execution, Discipline.OUTCOME_REASON));
    }
}
