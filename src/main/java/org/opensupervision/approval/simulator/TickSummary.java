package org.opensupervision.approval.simulator;

/**
 * What one tick of the simulator did.
 *
 * @param newCases      cases started
 * @param sent          events sent (a resend of an event already sent included)
 * @param accepted      events the API kept
 * @param duplicates    events the API knew already (the simulated systems resend a few, as real ones do)
 * @param rejected      events the API refused (a simulated case whose event is refused is given up)
 * @param failedBatches batches that did not reach the API or failed there; sent again next tick
 * @param openCases     simulated cases still open after the tick
 */
record TickSummary(int newCases, int sent, int accepted, int duplicates, int rejected, int failedBatches,
                   int openCases) {

    static final TickSummary NOTHING = new TickSummary(0, 0, 0, 0, 0, 0, 0);

    TickSummary plus(TickSummary other) {
        return new TickSummary(newCases + other.newCases, sent + other.sent, accepted + other.accepted,
                duplicates + other.duplicates, rejected + other.rejected, failedBatches + other.failedBatches,
                other.openCases);
    }
}
