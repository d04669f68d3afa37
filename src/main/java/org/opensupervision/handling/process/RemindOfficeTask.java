package org.opensupervision.handling.process;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.opensupervision.calendar.DeadlineDisplay;
import org.opensupervision.notification.Notice;
import org.opensupervision.notification.Notifications;
import org.springframework.stereotype.Component;

/**
 * The reminder (催办) of a supervision office task: a timeout task listener at the task's follow-up date mails the
 * office that the task is due soon. A listener rather than a boundary event: the reminder changes nothing in the
 * flow, and the task is the same one afterwards.
 */
@Component("remindOfficeTask")
class RemindOfficeTask implements TaskListener {

    private final Notifications notifications;
    private final DeadlineDisplay display;

    RemindOfficeTask(Notifications notifications, DeadlineDisplay display) {
        this.notifications = notifications;
        this.display = display;
    }

    @Override
    public void notify(DelegateTask task) {
        String trackingNumber = task.getExecution().getProcessBusinessKey();
        notifications.send(Notice.OFFICE_TASK_REMINDER, trackingNumber,
                List.of(notifications.supervisionOfficeAddress()), List.of(), Map.of(
                        "trackingNumber", trackingNumber,
                        "taskName", task.getName(),
                        "dueAt", task.getDueDate() == null ? "" : display.format(task.getDueDate().toInstant())));
    }
}
