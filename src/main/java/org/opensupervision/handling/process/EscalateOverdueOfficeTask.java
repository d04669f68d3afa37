package org.opensupervision.handling.process;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.opensupervision.access.StaffGroups;
import org.opensupervision.calendar.DeadlineDisplay;
import org.opensupervision.notification.Notice;
import org.opensupervision.notification.Notifications;
import org.opensupervision.workflow.ComplaintProcess.Var;
import org.opensupervision.workflow.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * A task of the supervision office (triage, 督办 notice, reply review) is past its due date: it is offered to the
 * head of the office ({@code supervision-head}) as well, and the head is mailed, the office in copy. The task stays where it
 * is. Which task is the step's local input {@code overdueTask}.
 */
@Component("escalateOverdueOfficeTask")
class EscalateOverdueOfficeTask implements JavaDelegate {

    private final Notifications notifications;
    private final DeadlineDisplay display;

    EscalateOverdueOfficeTask(Notifications notifications, DeadlineDisplay display) {
        this.notifications = notifications;
        this.display = display;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String taskKey = ProcessVariables.requiredText(execution, Var.OVERDUE_TASK);
        TaskService tasks = execution.getProcessEngineServices().getTaskService();
        for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(taskKey).list()) {
            tasks.addCandidateGroup(task.getId(), StaffGroups.SUPERVISION_HEAD);
            notifications.send(Notice.OFFICE_TASK_OVERDUE, execution.getProcessBusinessKey(),
                    List.of(notifications.supervisionHeadAddress()), List.of(notifications.supervisionOfficeAddress()),
                    Map.of(
                            "trackingNumber", execution.getProcessBusinessKey(),
                            "taskName", task.getName(),
                            "dueAt", task.getDueDate() == null ? "" : display.format(task.getDueDate().toInstant())));
        }
    }
}
