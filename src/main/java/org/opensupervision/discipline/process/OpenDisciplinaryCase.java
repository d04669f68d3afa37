package org.opensupervision.discipline.process;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opensupervision.calendar.DeadlineDisplay;
import org.opensupervision.department.DepartmentDirectory;
import org.opensupervision.discipline.DisciplinaryCase;
import org.opensupervision.discipline.DisciplinaryCases;
import org.opensupervision.discipline.EscalationSource;
import org.opensupervision.workflow.ProcessVariables;
import org.opensupervision.workflow.SupervisionProcesses.Discipline;
import org.springframework.stereotype.Component;

/** Opens the case record and sets the preliminary review's deadline, plus what the forms show. */
@Component("openDisciplinaryCase")
class OpenDisciplinaryCase implements JavaDelegate {

    private final DisciplinaryCases cases;
    private final DepartmentDirectory departments;
    private final DeadlineDisplay display;

    OpenDisciplinaryCase(DisciplinaryCases cases, DepartmentDirectory departments, DeadlineDisplay display) {
        this.cases = cases;
        this.departments = departments;
        this.display = display;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String departmentCode = (String) execution.getVariable(Discipline.DEPARTMENT_CODE);
        DisciplinaryCase c = cases.open(execution.getProcessBusinessKey(), departmentCode,
                EscalationSource.valueOf((String) execution.getVariable(Discipline.SOURCE)),
                ProcessVariables.text(execution, Discipline.REASON),
                ((Number) execution.getVariable(Discipline.SEVERITY)).intValue(), execution.getProcessInstanceId(),
                execution.getVariable(Discipline.CLAIM_ID) instanceof Number claim ? claim.longValue() : null);
        execution.setVariable(Discipline.CASE_ID, c.getId());
        execution.setVariable(Discipline.PRELIMINARY_REVIEW_DUE_AT, Date.from(c.getPreliminaryReviewDueAt()));
        execution.setVariable("escalatedDepartmentName", departments.get(departmentCode).nameZh());
        execution.setVariable("preliminaryReviewDueDisplay", display.format(c.getPreliminaryReviewDueAt()));
    }
}
