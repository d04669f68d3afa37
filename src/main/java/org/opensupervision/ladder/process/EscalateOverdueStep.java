package org.opensupervision.ladder.process;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.opensupervision.access.StaffGroups;
import org.opensupervision.calendar.DeadlineDisplay;
import org.opensupervision.ladder.StepLadder;
import org.opensupervision.notification.Notice;
import org.opensupervision.notification.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A waiting step passed its due date: its open task (the model's local input {@code taskKey}) is offered to the head
 * of the supervision office ({@code supervision-head}) as well, at high priority, and the head is mailed. The task
 * stays with its group. A task already offered to the head is not escalated or mailed twice.
 */
@Component("escalateOverdueStep")
class EscalateOverdueStep implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(EscalateOverdueStep.class);

    private final TaskService tasks;
    private final Notifications notifications;
    private final DeadlineDisplay display;

    EscalateOverdueStep(TaskService tasks, Notifications notifications, DeadlineDisplay display) {
        this.tasks = tasks;
        this.notifications = notifications;
        this.display = display;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String taskKey = (String) execution.getVariable(StepLadder.TASK_KEY);
        for (Task task : StepLadder.openTasks(tasks, execution, taskKey)) {
            boolean already = tasks.getIdentityLinksForTask(task.getId()).stream().anyMatch(
                    l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && StaffGroups.SUPERVISION_HEAD.equals(
                            l.getGroupId()));
            if (already) {
                log.info("{} of {} was escalated already", taskKey, execution.getProcessBusinessKey());
                continue;
            }
            tasks.addCandidateGroup(task.getId(), StaffGroups.SUPERVISION_HEAD);
            tasks.setPriority(task.getId(), Math.max(task.getPriority(), 90));
            notifications.send(Notice.STEP_OVERDUE, StepLadder.caseKey(execution),
                    List.of(notifications.supervisionHeadAddress()), List.of(notifications.supervisionOfficeAddress()),
                    StepLadder.mailModel(execution, task, display, Map.of()));
            log.warn("{} of {} is overdue: offered to {}", taskKey, execution.getProcessBusinessKey(),
                    StaffGroups.SUPERVISION_HEAD);
        }
    }
}
