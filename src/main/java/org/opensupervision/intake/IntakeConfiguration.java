package org.opensupervision.intake;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PendingStartProperties.class)
@EnableScheduling
class IntakeConfiguration {

    /**
     * Looks for complaints without a process every {@code supervision.intake.start-sweep-interval}: those a crash or a
     * restart left between the intake's commit and their start, and those whose start failed (the database away).
     */
    @Component
    @ConditionalOnProperty(name = "supervision.intake.start-sweep-scheduled", matchIfMissing = true)
    static class Sweep {

        private final PendingComplaintStarts starts;

        Sweep(PendingComplaintStarts starts) {
            this.starts = starts;
        }

        @Scheduled(fixedDelayString = "${supervision.intake.start-sweep-interval:PT5S}",
                initialDelayString = "${supervision.intake.start-sweep-interval:PT5S}")
        void sweep() {
            starts.signal();
        }
    }
}
