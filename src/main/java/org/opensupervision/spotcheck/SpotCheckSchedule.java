package org.opensupervision.spotcheck;

import java.util.concurrent.atomic.AtomicReference;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.opensupervision.workflow.SupervisionProcesses.SpotCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The timer cycle of {@code spot-check.bpmn}'s start event ({@code ${spotCheckSchedule.cycle}}). The default
 * {@code R/2026-01-05T09:00:00+08:00/P7D} is every Monday 09:00 in China Standard Time whatever the server's zone (a
 * cron expression would be read in the server's zone).
 *
 * <p>The engine reads the expression when the model is deployed, so a changed {@code SUPERVISION_SPOT_CHECK_CYCLE}
 * would otherwise wait for a redeployment. Two things make it take effect on the running schedule: the engine
 * re-reads the cycle each time the timer is due ({@code reevaluateTimeCycleWhenDue}), and at start-up (or when the
 * cycle is changed here) the pending timer's due date is recalculated from the configured cycle.
 */
@Component("spotCheckSchedule")
public class SpotCheckSchedule {

    private static final Logger log = LoggerFactory.getLogger(SpotCheckSchedule.class);

    private final AtomicReference<String> cycle;
    private final ObjectProvider<ManagementService> management;

    SpotCheckSchedule(SpotCheckProperties properties, ObjectProvider<ManagementService> management) {
        this.cycle = new AtomicReference<>(properties.cycle());
        this.management = management;
    }

    public String getCycle() {
        return cycle.get();
    }

    /** Changes the cycle while the application runs and moves the pending spot-check timer to it. */
    public void useCycle(String newCycle) {
        cycle.set(newCycle);
        moveRunningTimerToTheCycle();
    }

    /** Recalculates the due date of the pending spot-check timer from the configured cycle. */
    @EventListener(ApplicationReadyEvent.class)
    public void moveRunningTimerToTheCycle() {
        ManagementService jobs = management.getObject();
        for (Job timer : jobs.createJobQuery().processDefinitionKey(SpotCheck.KEY).timers().list()) {
            if (timer.getExecutionId() != null) {
                continue;
            }
            jobs.recalculateJobDuedate(timer.getId(), false);
            log.info("Spot-check timer {} follows the cycle {}: next due {}", timer.getId(), cycle.get(),
                    jobs.createJobQuery().jobId(timer.getId()).singleResult().getDuedate());
        }
    }
}
