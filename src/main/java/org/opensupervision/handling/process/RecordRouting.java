package org.opensupervision.handling.process;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opensupervision.access.CaseAuthorizations;
import org.opensupervision.complaint.ComplaintRecords;
import org.opensupervision.department.Department;
import org.opensupervision.department.DepartmentDirectory;
import org.opensupervision.workflow.ComplaintProcess.Var;
import org.springframework.stereotype.Component;

/** Takes the routing decision (DMN {@code complaint-routing}) into the case: department, group, priority. */
@Component("recordRouting")
class RecordRouting implements JavaDelegate {

    private final ComplaintRecords records;
    private final DepartmentDirectory departments;
    private final CaseAuthorizations caseAuthorizations;
    private final Clock clock;

    RecordRouting(ComplaintRecords records, DepartmentDirectory departments, CaseAuthorizations caseAuthorizations,
                  Clock clock) {
        this.records = records;
        this.departments = departments;
        this.caseAuthorizations = caseAuthorizations;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Routing routing = Routing.of(execution, departments);
        routing.applyTo(execution, clock.instant());
        records.recordRouting(execution.getProcessBusinessKey(), routing.department().code(),
                routing.department().handlingGroup(), routing.priority());
        caseAuthorizations.grantCase(execution.getProcessInstanceId(), routing.department().handlingGroup());
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

        void applyTo(DelegateExecution execution, Instant routedAt) {
            execution.setVariable(Var.HANDLING_DEPARTMENT_CODE, department.code());
            execution.setVariable(Var.HANDLING_DEPARTMENT_NAME, department.bilingualName());
            execution.setVariable(Var.HANDLING_GROUP, department.handlingGroup());
            execution.setVariable(Var.PRIORITY, priority);
            execution.setVariable(Var.ROUTED_AT, Date.from(routedAt));
        }
    }
}
