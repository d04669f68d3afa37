package org.opensupervision.ladder.process;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.opensupervision.calendar.DeadlineDisplay;
import org.opensupervision.ladder.StepLadder;
import org.opensupervision.notification.Notice;
import org.opensupervision.notification.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The reminder (催办) of a waiting step, from its non-interrupting reminder timer: the step's open task (the model's
 * local input {@code taskKey}) is mailed about to {@code remindTo} (the supervision office by default, or the
 * address the model names). A reminder whose moment has passed, because the task is already overdue, is not sent:
 * the escalation speaks instead.
 */
@Component("remindStep")
class RemindStep implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(RemindStep.class);

    private final TaskService tasks;
    private final Notifications notifications;
    private final DeadlineDisplay display;

    RemindStep(TaskService tasks, Notifications notifications, DeadlineDisplay display) {
        this.tasks = tasks;
        this.notifications = notifications;
        this.display = display;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String taskKey = (String) execution.getVariable(StepLadder.TASK_KEY);
        Date now = org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime();
        List<Task> open = StepLadder.openTasks(tasks, execution, taskKey);
        List<Task> due = open.stream().filter(t -> t.getDueDate() == null || t.getDueDate().after(now)).toList();
        if (due.isEmpty()) {
            log.info("No reminder for {} of {} at {}: nothing open before its due date ({})", taskKey,
                    execution.getProcessBusinessKey(), now, open.stream().map(Task::getDueDate).toList());
            return;
        }
        Object to = execution.getVariable(StepLadder.REMIND_TO);
        String address = to == null || to.toString().isBlank() ? notifications.supervisionOfficeAddress()
                : to.toString();
        Task task = due.get(0);
        notifications.send(Notice.STEP_REMINDER, StepLadder.caseKey(execution), List.of(address), List.of(),
                StepLadder.mailModel(execution, task, display, Map.of()));
    }
}
