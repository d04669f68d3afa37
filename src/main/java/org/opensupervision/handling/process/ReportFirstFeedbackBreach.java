package org.opensupervision.handling.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opensupervision.notification.CaseNotices;
import org.opensupervision.notification.Notice;
import org.springframework.stereotype.Component;

/**
 * The first-feedback breach reported to the supervision office. A delegate of its own rather than
 * {@code ${sendNotification}} with a {@code notice} input: an input mapping makes the step a scope (an execution and a
 * variable written and removed), too much for a step that runs once per breach, thousands at once after a busy day.
 */
@Component("reportFirstFeedbackBreach")
class ReportFirstFeedbackBreach implements JavaDelegate {

    private final CaseNotices notices;

    ReportFirstFeedbackBreach(CaseNotices notices) {
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notices.send(Notice.FIRST_FEEDBACK_BREACH, execution.getProcessBusinessKey(), null);
    }
}
