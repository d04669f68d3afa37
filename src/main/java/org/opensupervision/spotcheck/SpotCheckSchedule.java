package org.opensupervision.spotcheck;

import org.springframework.stereotype.Component;

/**
 * The timer cycle of {@code spot-check.bpmn}'s start event ({@code ${spotCheckSchedule.cycle}}), read when the model
 * is deployed. The default {@code R/2026-01-05T09:00:00+08:00/P7D} is every Monday 09:00 in China Standard Time
 * whatever the server's zone (a cron expression would be read in the server's zone).
 */
@Component("spotCheckSchedule")
public class SpotCheckSchedule {

    private final SpotCheckProperties properties;

    SpotCheckSchedule(SpotCheckProperties properties) {
        this.properties = properties;
    }

    public String getCycle() {
        return properties.cycle();
    }
}
