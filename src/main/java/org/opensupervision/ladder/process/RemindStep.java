package org.opensupervision.ladder.process;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.opensupervision.ladder.StepEscalations;
import org.opensupervision.ladder.StepLadder;
import org.opensupervision.notification.Notice;
import org.opensupervision.workflow.ProcessVariables;
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
    private final StepEscalations escalations;

    RemindStep(TaskService tasks, StepEscalations escalations) {
        this.tasks = tasks;
        this.escalations = escalations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String taskKey = ProcessVariables.requiredText(execution, StepLadder.TASK_KEY);
        Date now = ClockUtil.getCurrentTime();
        List<Task> open = StepLadder.openTasks(tasks, execution, taskKey);
        List<Task> due = open.stream().filter(t -> t.getDueDate() == null || t.getDueDate().after(now)).toList();
        if (due.isEmpty()) {
            log.info("No reminder for {} of {} at {}: nothing open before its due date ({})", taskKey,
                    execution.getProcessBusinessKey(), now, open.stream().map(Task::getDueDate).toList());
            return;
        }
        String to = ProcessVariables.text(execution, StepLadder.REMIND_TO);
        escalations.remind(StepEscalations.Step.of(due.get(0), StepLadder.caseKey(execution)),
                to == null ? escalations.officeAddress() : to, Notice.STEP_REMINDER);
    }
}
