package org.opensupervision.approval.process;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.opensupervision.approval.CardContest;
import org.opensupervision.ladder.StepEscalations;
import org.opensupervision.ladder.StepLadder;
import org.opensupervision.notification.Notice;
import org.springframework.stereotype.Component;

/**
 * A contest the supervision office left past its due date goes to the head of the office too
 * ({@link StepEscalations#offerToHead}): the review task is offered to {@code supervision-head}, and the office is
 * reminded by mail with the contest's own template. The task stays where it is.
 */
@Component("escalateCardContestReview")
class EscalateCardContestReview implements JavaDelegate {

    private final TaskService tasks;
    private final StepEscalations escalations;

    EscalateCardContestReview(TaskService tasks, StepEscalations escalations) {
        this.tasks = tasks;
        this.escalations = escalations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseKey = execution.getProcessBusinessKey();
        Map<String, Object> shown = Map.of(
                "caseId", execution.getVariable(CardContest.Var.CASE_ID),
                "departmentName", execution.getVariable(CardContest.Var.DEPARTMENT_NAME),
                "card", execution.getVariable(CardContest.Var.CARD));
        for (Task task : StepLadder.openTasks(tasks, execution, CardContest.REVIEW_TASK)) {
            StepEscalations.Step step = StepEscalations.Step.of(task, caseKey);
            escalations.offerToHead(step);
            escalations.mail(step, Notice.APPROVAL_CONTEST_OVERDUE, List.of(escalations.officeAddress()), List.of(),
                    shown);
        }
    }
}
