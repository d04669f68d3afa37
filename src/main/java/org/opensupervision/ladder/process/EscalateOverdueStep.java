package org.opensupervision.ladder.process;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.opensupervision.ladder.StepEscalations;
import org.opensupervision.ladder.StepLadder;
import org.opensupervision.notification.Notice;
import org.opensupervision.workflow.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * A waiting step passed its due date: its open task (the model's local input {@code taskKey}) goes to the head of the
 * supervision office as well ({@link StepEscalations#escalate}), with the ladder's overdue mail.
 */
@Component("escalateOverdueStep")
class EscalateOverdueStep implements JavaDelegate {

    private final TaskService tasks;
    private final StepEscalations escalations;

    EscalateOverdueStep(TaskService tasks, StepEscalations escalations) {
        this.tasks = tasks;
        this.escalations = escalations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String taskKey = ProcessVariables.requiredText(execution, StepLadder.TASK_KEY);
        for (Task task : StepLadder.openTasks(tasks, execution, taskKey)) {
            escalations.escalate(StepEscalations.Step.of(task, StepLadder.caseKey(execution)), Notice.STEP_OVERDUE);
        }
    }
}
