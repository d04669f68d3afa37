package org.opensupervision.evaluation.process;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.opensupervision.calendar.DeadlineDisplay;
import org.opensupervision.evaluation.EvaluationProperties;
import org.opensupervision.evaluation.MonthlyEvaluation;
import org.opensupervision.evaluation.MonthlyEvaluation.Var;
import org.opensupervision.notification.Notice;
import org.opensupervision.notification.Notifications;
import org.springframework.stereotype.Component;

/**
 * A review left past its due date goes to the head of the supervision office too: the task is offered to
 * {@code supervision-head} (it stays with the evaluation office) and the head is mailed, once per period: a task
 * created anew by a correction after the due date is offered to the head again, without a second mail.
 */
@Component("escalateEvaluationReview")
class EscalateEvaluationReview implements JavaDelegate {

    private final TaskService tasks;
    private final Notifications notifications;
    private final EvaluationProperties properties;
    private final DeadlineDisplay display;

    EscalateEvaluationReview(TaskService tasks, Notifications notifications, EvaluationProperties properties,
                           DeadlineDisplay display) {
        this.display = display;
        this.tasks = tasks;
        this.notifications = notifications;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(MonthlyEvaluation.REVIEW_TASK).list()) {
            tasks.addCandidateGroup(task.getId(), MonthlyEvaluation.SUPERVISION_HEAD_GROUP);
        }
        if (Boolean.TRUE.equals(execution.getVariable(Var.REVIEW_ESCALATED))) {
            return;
        }
        execution.setVariable(Var.REVIEW_ESCALATED, true);
        notifications.send(Notice.EVALUATION_REVIEW_OVERDUE, null, List.of(notifications.supervisionHeadAddress()),
                List.of(properties.officeAddress()), Map.of("period", execution.getVariable(Var.PERIOD),
                        "dueAt", dueAt(execution)));
    }

    private String dueAt(DelegateExecution execution) {
        return display.format(((java.util.Date) execution.getVariable(Var.REVIEW_DUE_AT)).toInstant());
    }
}
