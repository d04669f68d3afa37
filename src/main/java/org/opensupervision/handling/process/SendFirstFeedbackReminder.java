package org.opensupervision.handling.process;

import java.util.Date;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.opensupervision.notification.CaseNotices;
import org.opensupervision.notification.Notice;
import org.opensupervision.workflow.ComplaintProcess.Activity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The department's first-feedback reminder (催办), from the 20-hour timer. A reminder that runs when the deadline is
 * already due (its breach timer due or fired: the job executor was behind, after an outage or in a burst of
 * deadlines) has nothing left to remind of: it is not sent, and the log says so; the breach report speaks instead.
 */
@Component("sendFirstFeedbackReminder")
class SendFirstFeedbackReminder implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(SendFirstFeedbackReminder.class);

    private final ManagementService management;
    private final CaseNotices notices;

    SendFirstFeedbackReminder(ManagementService management, CaseNotices notices) {
        this.management = management;
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Date now = ClockUtil.getCurrentTime();
        // A count, not the job itself: this runs for every reminder, thousands at once after an outage.
        long breachStillAhead = management.createJobQuery().processInstanceId(execution.getProcessInstanceId())
                .activityId(Activity.FIRST_FEEDBACK_BREACH_TIMER).duedateHigherThan(now).count();
        if (breachStillAhead == 0) {
            log.info("No first-feedback reminder for {} at {}: the deadline is already due (its breach timer is due "
                    + "or has fired)", execution.getProcessBusinessKey(), now);
            return;
        }
        notices.send(Notice.FIRST_FEEDBACK_REMINDER, execution.getProcessBusinessKey(), null);
    }
}
