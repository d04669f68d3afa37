package org.opensupervision.handling.process;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opensupervision.access.CaseAuthorizations;
import org.opensupervision.calendar.DeadlineDisplay;
import org.opensupervision.complaint.ComplaintRecords;
import org.opensupervision.department.Department;
import org.opensupervision.department.DepartmentDirectory;
import org.opensupervision.handling.HandlingDeadlinePolicy;
import org.opensupervision.handling.OfficeTaskDeadlinePolicy;
import org.opensupervision.workflow.ComplaintProcess.Var;
import org.opensupervision.workflow.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * Takes the routing decision (DMN {@code complaint-routing}) into the case: department, group, priority. The handling
 * clock starts here, whatever the first feedback does (15 working days by default), and the office's triage gets
 * its own deadline. A later redirect keeps both, like the first-feedback clock.
 */
@Component("recordRouting")
class RecordRouting implements JavaDelegate {

    private final ComplaintRecords records;
    private final DepartmentDirectory departments;
    private final CaseAuthorizations caseAuthorizations;
    private final Clock clock;
    private final HandlingDeadlinePolicy handling;
    private final OfficeTaskDeadlinePolicy office;
    private final DeadlineDisplay display;

    RecordRouting(ComplaintRecords records, DepartmentDirectory departments, CaseAuthorizations caseAuthorizations,
                  Clock clock, HandlingDeadlinePolicy handling, OfficeTaskDeadlinePolicy office,
                  DeadlineDisplay display) {
        this.handling = handling;
        this.office = office;
        this.display = display;
        this.records = records;
        this.departments = departments;
        this.caseAuthorizations = caseAuthorizations;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Routing routing = Routing.of(execution, departments);
        Instant routedAt = clock.instant();
        routing.applyTo(execution);
        Instant handlingDueAt = handling.dueAt(routedAt);
        setHandlingDeadline(execution, handling, display, handlingDueAt);
        Instant submittedAt = ProcessVariables.instant(execution, Var.SUBMITTED_AT);
        execution.setVariable(Var.TRIAGE_DUE_AT, Date.from(office.triageDueAt(submittedAt)));
        execution.setVariable(Var.TRIAGE_REMINDER_AT, Date.from(office.triageReminderAt(submittedAt)));
        records.recordRouting(execution.getProcessBusinessKey(), routing.department().code(),
                routing.department().handlingGroup(), routing.priority(), handlingDueAt);
        caseAuthorizations.grantCase(execution.getProcessInstanceId(), routing.department().handlingGroup());
    }

    /** The handling deadline, its display text and its reminder, as the model's timers and forms read them. */
    static void setHandlingDeadline(DelegateExecution execution, HandlingDeadlinePolicy policy,
                                    DeadlineDisplay display, Instant dueAt) {
        execution.setVariable(Var.HANDLING_DUE_AT, Date.from(dueAt));
        execution.setVariable(Var.HANDLING_DUE_DISPLAY, display.format(dueAt));
        execution.setVariable(Var.HANDLING_REMINDER_AT, Date.from(policy.reminderAt(dueAt)));
    }

    /** The DMN single result, resolved against the department directory. */
    record Routing(Department department, int priority) {

        @SuppressWarnings("unchecked")
        static Routing of(DelegateExecution execution, DepartmentDirectory departments) {
            Map<String, Object> result = (Map<String, Object>) execution.getVariable(Var.ROUTING);
            if (result == null || result.get("handlingDepartmentCode") == null) {
                throw new IllegalStateException("The routing decision gave no handling department: " + result);
            }
            Department department = departments.get(result.get("handlingDepartmentCode").toString());
            Object priority = result.get("priority");
            return new Routing(department, priority instanceof Number n ? n.intValue() : 50);
        }

        void applyTo(DelegateExecution execution) {
            execution.setVariable(Var.HANDLING_DEPARTMENT_CODE, department.code());
            execution.setVariable(Var.HANDLING_DEPARTMENT_NAME, department.nameZh());
            execution.setVariable(Var.HANDLING_GROUP, department.handlingGroup());
            execution.setVariable(Var.PRIORITY, priority);
        }
    }
}
