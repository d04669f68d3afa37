package org.opensupervision.handling.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.opensupervision.ladder.StepEscalations;
import org.opensupervision.notification.Notice;
import org.springframework.stereotype.Component;

/**
 * The reminder (催办) of a supervision office task: a timeout task listener at the task's follow-up date has the
 * ladder ({@link StepEscalations#remind}) mail the office that the task is due soon. A listener rather than a boundary
 * event: the reminder changes nothing in the flow, and the task is the same one afterwards.
 */
@Component("remindOfficeTask")
class RemindOfficeTask implements TaskListener {

    private final StepEscalations escalations;

    RemindOfficeTask(StepEscalations escalations) {
        this.escalations = escalations;
    }

    @Override
    public void notify(DelegateTask task) {
        escalations.remind(new StepEscalations.Step(task.getExecution().getProcessBusinessKey(),
                task.getProcessInstanceId(), task.getId(), task.getName(), task.getDueDate()),
                escalations.officeAddress(), Notice.OFFICE_TASK_REMINDER);
    }
}
