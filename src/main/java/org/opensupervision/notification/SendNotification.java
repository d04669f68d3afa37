package org.opensupervision.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opensupervision.workflow.ComplaintProcess.Var;
import org.springframework.stereotype.Component;

/**
 * The mail steps of the model: {@code ${sendNotification}} with a local input {@code notice} that names the mail.
 * Reads the notice and its text and hands them to {@link CaseNotices}, in the step's own transaction (no job of its
 * own).
 */
@Component("sendNotification")
class SendNotification implements JavaDelegate {

    private final CaseNotices notices;

    SendNotification(CaseNotices notices) {
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notices.send(Notice.valueOf((String) execution.getVariable(Var.NOTICE)), execution.getProcessBusinessKey(),
                (String) execution.getVariable(Var.NOTICE_TEXT));
    }
}
