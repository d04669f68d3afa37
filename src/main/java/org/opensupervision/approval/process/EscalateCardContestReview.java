package org.opensupervision.approval.process;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.opensupervision.approval.CardContest;
import org.opensupervision.notification.Notice;
import org.opensupervision.notification.Notifications;
import org.springframework.stereotype.Component;

/**
 * A contest the supervision office left past its due date goes to the head of the office too: the review task is
 * offered to {@code supervision-head}, and the office is reminded by mail. The task stays where it is.
 */
@Component("escalateCardContestReview")
class EscalateCardContestReview implements JavaDelegate {

    private final TaskService tasks;
    private final Notifications notifications;

    EscalateCardContestReview(TaskService tasks, Notifications notifications) {
        this.tasks = tasks;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(CardContest.REVIEW_TASK).list()) {
            tasks.addCandidateGroup(task.getId(), CardContest.SUPERVISION_HEAD_GROUP);
        }
        notifications.send(Notice.APPROVAL_CONTEST_OVERDUE, execution.getProcessBusinessKey(),
                List.of(notifications.supervisionOfficeAddress()), List.of(), Map.of(
                        "caseId", execution.getVariable(CardContest.Var.CASE_ID),
                        "departmentName", execution.getVariable(CardContest.Var.DEPARTMENT_NAME),
                        "card", execution.getVariable(CardContest.Var.CARD)));
    }
}
