package org.opensupervision.audit;

import java.time.Period;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the audit trail and of the engine's history retention. The chain's key,
 * {@code supervision.audit.chain-key}, is read with the other HMAC keys ({@code secrets.KeyedDigests}).
 *
 * @param retention how long audit entries are kept (default ten years); stamped on each entry as retain-until
 * @param redactedVariables process variables whose values never reach the audit trail (only that they changed)
 * @param displayOnlyVariables copies of the complaint's own columns that the task forms show (title, summary,
 *                             names, display dates)
 * @param engineHistoryTimeToLive how long Camunda keeps the history of a finished process instance or decision
 *                                (ISO days, e.g. {@code P180D}); every model takes it as its historyTimeToLive
 * @param historyCleanupWindowStart start of the engine's daily history cleanup window (HH:mm, server time)
 * @param historyCleanupWindowEnd end of that window
 * @param camundaHistory what Camunda's history keeps beyond what {@link CamundaHistoryWriter} keeps by default
 */
@ConfigurationProperties("supervision.audit")
record AuditProperties(Period retention, Set<String> redactedVariables, Set<String> displayOnlyVariables,
                       String engineHistoryTimeToLive, String historyCleanupWindowStart,
                       String historyCleanupWindowEnd, CamundaHistory camundaHistory) {

    AuditProperties {
        if (retention == null || retention.isNegative() || retention.isZero()) {
            throw new IllegalStateException("supervision.audit.retention must be a positive period, e.g. P10Y");
        }
        redactedVariables = redactedVariables == null ? Set.of() : Set.copyOf(redactedVariables);
        displayOnlyVariables = displayOnlyVariables == null ? Set.of() : Set.copyOf(displayOnlyVariables);
        camundaHistory = camundaHistory == null ? new CamundaHistory(false, false) : camundaHistory;
        if (engineHistoryTimeToLive == null || !engineHistoryTimeToLive.matches("P\\d+D")) {
            throw new IllegalStateException("supervision.audit.engine-history-time-to-live must be days, e.g. P180D");
        }
    }

    /**
     * Rows of Camunda's history that {@link CamundaHistoryWriter} leaves out unless asked; both off in production.
     *
     * @param activitiesOfCases keep the activity instances of process instances with a business key (the audit trail
     *                          records them); the test profile does, for the process tests' path assertions
     * @param jobRuns keep the job log's rows of jobs run and deleted (failures are always kept)
     */
    record CamundaHistory(boolean activitiesOfCases, boolean jobRuns) {
    }
}
