package org.opensupervision.ladder;

import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;

/** Names the models use with the ladder's delegates, and what their mails show. */
public final class StepLadder {

    /** Local input of {@code remindStep} and {@code escalateOverdueStep}: the task definition key of the step. */
    public static final String TASK_KEY = "taskKey";
    /** Optional local input of {@code remindStep}: the address the reminder goes to (default: the office). */
    public static final String REMIND_TO = "remindTo";
    /**
     * Optional local input: the case the mails name and are filed under, for a process without a business key (a
     * spot-check round names its sampled case); default the business key.
     */
    public static final String CASE_KEY = "caseKey";

    private StepLadder() {
    }

    /** The open tasks of the step in the process instance of the execution. */
    public static List<Task> openTasks(TaskService tasks, DelegateExecution execution, String taskKey) {
        return tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).taskDefinitionKey(taskKey)
                .list();
    }

    /** The case the step's mails are about: the model's {@code caseKey}, else the business key (may be null). */
    public static String caseKey(DelegateExecution execution) {
        Object named = execution.getVariable(CASE_KEY);
        if (named != null && !named.toString().isBlank()) {
            return named.toString();
        }
        return execution.getProcessBusinessKey();
    }
}
