package org.opensupervision.evaluation.process;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opensupervision.calendar.DeadlineDisplay;
import org.opensupervision.evaluation.EvaluationProperties;
import org.opensupervision.evaluation.MonthlyEvaluation.Var;
import org.opensupervision.notification.Notice;
import org.opensupervision.notification.Notifications;
import org.springframework.stereotype.Component;

/**
 * The review's reminder (催办): a mail to the evaluation office before the due date, once per period (a correction
 * creates the task anew and its reminder timer fires again; the flag lives in the period's scope).
 */
@Component("remindEvaluationReview")
class RemindEvaluationReview implements JavaDelegate {

    private final Notifications notifications;
    private final EvaluationProperties properties;
    private final DeadlineDisplay display;

    RemindEvaluationReview(Notifications notifications, EvaluationProperties properties,
                           DeadlineDisplay display) {
        this.display = display;
        this.notifications = notifications;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (Boolean.TRUE.equals(execution.getVariable(Var.REVIEW_REMINDED))) {
            return;
        }
        execution.setVariable(Var.REVIEW_REMINDED, true);
        notifications.send(Notice.EVALUATION_REVIEW_REMINDER, null, List.of(properties.officeAddress()), List.of(),
                Map.of("period", execution.getVariable(Var.PERIOD), "dueAt", dueAt(execution)));
    }

    private String dueAt(DelegateExecution execution) {
        return display.format(((java.util.Date) execution.getVariable(Var.REVIEW_DUE_AT)).toInstant());
    }
}
