package org.opensupervision.discipline.process;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opensupervision.department.Department;
import org.opensupervision.department.DepartmentDirectory;
import org.opensupervision.discipline.DisciplinaryCase;
import org.opensupervision.discipline.DisciplinaryCases;
import org.opensupervision.notification.Notice;
import org.opensupervision.notification.Notifications;
import org.opensupervision.workflow.ProcessVariables;
import org.opensupervision.workflow.SupervisionProcesses.Discipline;
import org.springframework.stereotype.Component;

/** Notice of the outcome to the department (its head in copy) and to the supervision office. */
@Component("sendDisciplinaryOutcome")
class SendDisciplinaryOutcome implements JavaDelegate {

    private final DisciplinaryCases cases;
    private final DepartmentDirectory departments;
    private final Notifications notifications;

    SendDisciplinaryOutcome(DisciplinaryCases cases, DepartmentDirectory departments, Notifications notifications) {
        this.cases = cases;
        this.departments = departments;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DisciplinaryCase c = cases.find(ProcessVariables.requiredLong(execution, Discipline.CASE_ID)).orElseThrow();
        Department department = departments.get(c.getDepartmentCode());
        notifications.send(Notice.DISCIPLINE_OUTCOME, c.getTrackingNumber(),
                List.of(department.notificationAddress(), notifications.supervisionOfficeAddress()),
                List.of(department.headAddress()),
                Map.of("caseId", c.getId(), "trackingNumber", c.getTrackingNumber(), "department", department,
                        "outcome", c.getOutcome().labelZh(),
                        "outcomeReason", c.getOutcomeReason() == null ? "" : c.getOutcomeReason()));
    }
}
