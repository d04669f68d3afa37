package org.opensupervision.intake;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How {@link PendingComplaintStarts} starts the processes of registered complaints.
 *
 * @param startBatchSize     complaints started and routed in one transaction at most
 * @param startThreads       threads that start processes after intake commits; 0 starts them in the committing
 *                           thread right after its commit (the test profile: deterministic, no waiting)
 * @param startSweepInterval how often complaints left without a process (a crash, a restart, a failed start) are
 *                           looked for
 */
@ConfigurationProperties("supervision.intake")
record PendingStartProperties(@DefaultValue("50") int startBatchSize, @DefaultValue("2") int startThreads,
                              @DefaultValue("PT5S") Duration startSweepInterval) {
}
