package org.opensupervision.handling.process;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.opensupervision.ladder.StepEscalations;
import org.opensupervision.notification.Notice;
import org.opensupervision.workflow.ComplaintProcess.Var;
import org.opensupervision.workflow.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * A task of the supervision office (triage, 督办 notice, reply review) is past its due date: the ladder's escalation
 * ({@link StepEscalations#escalate}) offers it to the head of the office, with the complaint's office-task mail. Which
 * task is the step's local input {@code overdueTask}.
 */
@Component("escalateOverdueOfficeTask")
class EscalateOverdueOfficeTask implements JavaDelegate {

    private final TaskService tasks;
    private final StepEscalations escalations;

    EscalateOverdueOfficeTask(TaskService tasks, StepEscalations escalations) {
        this.tasks = tasks;
        this.escalations = escalations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String taskKey = ProcessVariables.requiredText(execution, Var.OVERDUE_TASK);
        for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(taskKey).list()) {
            escalations.escalate(StepEscalations.Step.of(task, execution.getProcessBusinessKey()),
                    Notice.OFFICE_TASK_OVERDUE);
        }
    }
}
