package org.opensupervision.handling.process;

import java.time.Clock;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.opensupervision.access.CaseAuthorizations;
import org.opensupervision.complaint.ComplaintRecords;
import org.opensupervision.department.DepartmentDirectory;
import org.opensupervision.workflow.ComplaintProcess.Var;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.opensupervision.workflow.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * Moves the case to the department the supervision office chose. The open department tasks are handed to the new
 * department's group as they are: their due dates and timers stay, so the 24-hour clock is not reset.
 */
@Component("applyRedirect")
class ApplyRedirect implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(ApplyRedirect.class);

    private final ComplaintRecords records;
    private final DepartmentDirectory departments;
    private final CaseAuthorizations caseAuthorizations;
    private final Clock clock;

    ApplyRedirect(ComplaintRecords records, DepartmentDirectory departments, CaseAuthorizations caseAuthorizations,
                  Clock clock) {
        this.records = records;
        this.departments = departments;
        this.caseAuthorizations = caseAuthorizations;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String previousGroup = ProcessVariables.requiredText(execution, Var.HANDLING_GROUP);
        RecordRouting.Routing routing = RecordRouting.Routing.of(execution, departments);
        routing.applyTo(execution, clock.instant());
        String newGroup = routing.department().handlingGroup();
        records.recordRedirect(execution.getProcessBusinessKey(), routing.department().code(), newGroup,
                routing.priority());
        caseAuthorizations.moveCase(execution.getProcessInstanceId(), previousGroup, newGroup);
        TaskService tasks = execution.getProcessEngineServices().getTaskService();
        for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskCandidateGroup(previousGroup).list()) {
            tasks.deleteCandidateGroup(task.getId(), previousGroup);
            caseAuthorizations.revokeTask(task.getId(), previousGroup);
            tasks.addCandidateGroup(task.getId(), newGroup);
            if (task.getAssignee() != null) {
                tasks.setAssignee(task.getId(), null);
            }
            tasks.setPriority(task.getId(), routing.priority());
            log.info("Task {} ({}) moved from {} to {}", task.getName(), task.getId(), previousGroup, newGroup);
        }
    }
}
