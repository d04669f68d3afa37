package org.opensupervision.discipline.process;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opensupervision.calendar.DeadlineDisplay;
import org.opensupervision.discipline.DisciplinaryCases;
import org.opensupervision.workflow.ProcessVariables;
import org.opensupervision.workflow.SupervisionProcesses.Discipline;
import org.springframework.stereotype.Component;

/** Sets the investigation's deadline before the investigation task and its timer are created. */
@Component("openInvestigation")
class OpenInvestigation implements JavaDelegate {

    private final DisciplinaryCases cases;
    private final DeadlineDisplay display;

    OpenInvestigation(DisciplinaryCases cases, DeadlineDisplay display) {
        this.cases = cases;
        this.display = display;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var dueAt = cases.openInvestigation(ProcessVariables.requiredLong(execution, Discipline.CASE_ID));
        execution.setVariable(Discipline.INVESTIGATION_DUE_AT, Date.from(dueAt));
        execution.setVariable(Discipline.EXTENDED, false);
        execution.setVariable("investigationDueDisplay", display.format(dueAt));
    }
}
