package org.opensupervision.handling;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.opensupervision.access.CaseAuthorizations;
import org.opensupervision.complaint.ComplaintRecords;
import org.opensupervision.department.Department;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Moves a case to the department the supervision office chose at triage (docs/architecture.md, "the redirect that
 * moves tasks"). The open tasks of the previous department are handed to the new department's group as they are:
 * their due dates and timers stay, so the 24-hour clock is not reset.
 */
@Component
public class ComplaintRedirects {

    private static final Logger log = LoggerFactory.getLogger(ComplaintRedirects.class);

    private final ComplaintRecords records;
    private final CaseAuthorizations caseAuthorizations;
    private final TaskService tasks;

    ComplaintRedirects(ComplaintRecords records, CaseAuthorizations caseAuthorizations, TaskService tasks) {
        this.records = records;
        this.caseAuthorizations = caseAuthorizations;
        this.tasks = tasks;
    }

    /**
     * Records the redirect, moves the case's authorizations from {@code previousGroup} to the new department's group,
     * and hands over that group's open tasks of the process instance, unassigned, at the new priority.
     */
    public void redirect(String trackingNumber, String processInstanceId, String previousGroup, Department to,
                         int priority) {
        String newGroup = to.handlingGroup();
        records.recordRedirect(trackingNumber, to.code(), newGroup, priority);
        caseAuthorizations.moveCase(processInstanceId, previousGroup, newGroup);
        for (Task task : tasks.createTaskQuery().processInstanceId(processInstanceId)
                .taskCandidateGroup(previousGroup).list()) {
            tasks.deleteCandidateGroup(task.getId(), previousGroup);
            caseAuthorizations.revokeTask(task.getId(), previousGroup);
            tasks.addCandidateGroup(task.getId(), newGroup);
            if (task.getAssignee() != null) {
                tasks.setAssignee(task.getId(), null);
            }
            tasks.setPriority(task.getId(), priority);
            log.info("Task {} ({}) moved from {} to {}", task.getName(), task.getId(), previousGroup, newGroup);
        }
    }
}
