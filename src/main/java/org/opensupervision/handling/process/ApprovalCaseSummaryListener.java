package org.opensupervision.handling.process;

import java.util.HashSet;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.opensupervision.access.StaffGroups;
import org.opensupervision.complaint.ApprovalCaseLookup;
import org.opensupervision.department.Department;
import org.opensupervision.department.DepartmentDirectory;
import org.opensupervision.workflow.ComplaintProcess;
import org.springframework.stereotype.Component;

/**
 * On the creation of a complaint task (triage, first feedback, the office's review), puts the linked approval case's
 * timeline and cards into the task-local variable {@value #VARIABLE} that its Camunda Form shows read-only. Scoped like
 * the staff pages: a department's task shows only a case of that department. Task-local, so it leaves the process's
 * variables alone and ends with the task; a snapshot taken when the task is created (the case page is live). A
 * handling bean over the complaint module's lookup of the named case ({@link ApprovalCaseLookup}, implemented by the
 * approval module, which sits above): complaint-handling is handling's model.
 * <p>
 * No variable when there is no case to show (none named, or none reported yet under that number): the form says so
 * itself from {@code approvalCaseNumber} (issue 17: otherwise two variable rows per case, written in the
 * intake's routing transaction).
 */
@Component("approvalCaseSummaryListener")
class ApprovalCaseSummaryListener implements TaskListener {

    static final String VARIABLE = "approvalCaseSummary";

    private static final Set<String> OFFICES = Set.of(StaffGroups.SUPERVISION_OFFICE, StaffGroups.ADMINISTRATORS,
            StaffGroups.EVALUATION_OFFICE);

    private final ApprovalCaseLookup links;
    private final DepartmentDirectory departments;

    ApprovalCaseSummaryListener(ApprovalCaseLookup links, DepartmentDirectory departments) {
        this.links = links;
        this.departments = departments;
    }

    @Override
    public void notify(DelegateTask task) {
        // From the execution: asking the task would first load the task's own variables, one query per new task.
        if (!(task.getExecution().getVariable(ComplaintProcess.Var.APPROVAL_CASE_NUMBER) instanceof String number)
                || number.isBlank()) {
            return;
        }
        links.summaryOf(number, audience(task)).ifPresent(summary -> task.setVariableLocal(VARIABLE, summary));
    }

    /** Null when an office works the task; otherwise the departments whose handler groups are its candidates. */
    private Set<String> audience(DelegateTask task) {
        Set<String> codes = new HashSet<>();
        for (IdentityLink link : task.getCandidates()) {
            if (!IdentityLinkType.CANDIDATE.equals(link.getType()) || link.getGroupId() == null) {
                continue;
            }
            if (OFFICES.contains(link.getGroupId())) {
                return null;
            }
            departments.all().stream().filter(d -> link.getGroupId().equals(d.handlingGroup()))
                    .map(Department::code).forEach(codes::add);
        }
        return codes;
    }
}
