package org.opensupervision.discipline.process;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opensupervision.calendar.DeadlineDisplay;
import org.opensupervision.discipline.DisciplinaryCases;
import org.opensupervision.workflow.ProcessVariables;
import org.opensupervision.workflow.SupervisionProcesses.Discipline;
import org.springframework.stereotype.Component;

/** Moves the investigation's deadline once; the model then re-enters the task, whose timer is created afresh. */
@Component("extendInvestigation")
class ExtendInvestigation implements JavaDelegate {

    private final DisciplinaryCases cases;
    private final DeadlineDisplay display;

    ExtendInvestigation(DisciplinaryCases cases, DeadlineDisplay display) {
        this.cases = cases;
        this.display = display;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var dueAt = cases.extendInvestigation(ProcessVariables.requiredLong(execution, Discipline.CASE_ID),
                ((Number) execution.getVariable(Discipline.EXTENSION_WORKING_DAYS)).intValue(),
                ProcessVariables.text(execution, Discipline.EXTENSION_REASON));
        execution.setVariable(Discipline.INVESTIGATION_DUE_AT, Date.from(dueAt));
        execution.setVariable(Discipline.EXTENDED, true);
        execution.setVariable("investigationDueDisplay", display.format(dueAt));
    }
}
