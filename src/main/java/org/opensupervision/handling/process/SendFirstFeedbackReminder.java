package org.opensupervision.handling.process;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

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
 * deadlines) has nothing left to remind of: it is not sent; the breach report speaks instead. The log says so once a
 * minute at most, with how many (each case at DEBUG): in a burst of deadlines every reminder is late, and a line each
 * told the same thing thousands of times (issue 17, figure 2).
 */
@Component("sendFirstFeedbackReminder")
class SendFirstFeedbackReminder implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(SendFirstFeedbackReminder.class);
    private static final Duration SUMMARY_EVERY = Duration.ofMinutes(1);

    /** Late reminders not yet told at INFO, and when they were last told. */
    private final AtomicLong lateSinceSummary = new AtomicLong();
    private final AtomicReference<Instant> lastSummary = new AtomicReference<>(Instant.EPOCH);

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
            log.debug("No first-feedback reminder for {} at {}: the deadline is already due (its breach timer is due "
                    + "or has fired)", execution.getProcessBusinessKey(), now);
            summarizeLate(execution.getProcessBusinessKey());
            return;
        }
        notices.send(Notice.FIRST_FEEDBACK_REMINDER, execution.getProcessBusinessKey(), null);
    }

    /** One INFO line a minute at most, counting the late reminders since the last one. */
    private void summarizeLate(String trackingNumber) {
        lateSinceSummary.incrementAndGet();
        Instant last = lastSummary.get();
        Instant wallNow = Instant.now();
        if (wallNow.isBefore(last.plus(SUMMARY_EVERY)) || !lastSummary.compareAndSet(last, wallNow)) {
            return;
        }
        log.info("{} first-feedback reminder(s) not sent since {}, the last for {}: their deadline was already due "
                + "(the breach timer due or fired); the breach reports speak instead", lateSinceSummary.getAndSet(0),
                last.equals(Instant.EPOCH) ? "the start" : last, trackingNumber);
    }
}
