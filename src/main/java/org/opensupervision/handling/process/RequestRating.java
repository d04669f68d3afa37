package org.opensupervision.handling.process;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opensupervision.rating.RatingProcess;
import org.opensupervision.workflow.ComplaintProcess.Var;
import org.springframework.stereotype.Component;

/**
 * The message link from complaint-handling (after the approved reply is mailed) to citizen-rating: correlates the
 * rating process's start message ({@link RatingProcess#RATING_REQUESTED}, the rating module's published entry) with
 * the case facts its forms need. No contact data is passed. A handling bean: the model's home module decides what it
 * hands on; the rating module only listens to its message.
 */
@Component("requestRating")
class RequestRating implements JavaDelegate {

    private static final List<String> PASSED_ON = List.of(Var.TRACKING_NUMBER, Var.TITLE, Var.CATEGORY_LABEL,
            Var.DEPARTMENT_NAME, Var.HANDLING_DEPARTMENT_CODE, Var.HANDLING_DEPARTMENT_NAME, Var.HANDLING_GROUP, Var.COMPLAINT_SUMMARY,
            Var.REPLY_TEXT, Var.ANONYMOUS, Var.CITIZEN_HAS_EMAIL, Var.PRIORITY);

    @Override
    public void execute(DelegateExecution execution) {
        Map<String, Object> variables = new HashMap<>();
        for (String name : PASSED_ON) {
            variables.put(name, execution.getVariable(name));
        }
        execution.getProcessEngineServices().getRuntimeService()
                .createMessageCorrelation(RatingProcess.RATING_REQUESTED)
                .processInstanceBusinessKey(execution.getProcessBusinessKey())
                .setVariables(variables)
                .correlateStartMessage();
    }
}
