package org.opensupervision.audit;

/**
 * The result of checking one case's chain.
 *
 * @param caseKey the tracking number
 * @param intact whether every link checks out
 * @param entries how many entries were read
 * @param firstBrokenSequence the sequence number of the first broken link, or null when intact
 * @param problem what is wrong with it ({@code HASH_MISMATCH}, {@code SEQUENCE_GAP},
 *                {@code HEAD_MISMATCH}), or null
 */
public record ChainVerification(String caseKey, boolean intact, int entries, Long firstBrokenSequence,
                                String problem) {

    static ChainVerification ok(String caseKey, int entries) {
        return new ChainVerification(caseKey, true, entries, null, null);
    }

    static ChainVerification broken(String caseKey, int entries, long sequence, String problem) {
        return new ChainVerification(caseKey, false, entries, sequence, problem);
    }

    /** One line for people: "TS… OK (12 entries)" or "TS… BROKEN at #7: HASH_MISMATCH". */
    public String describe() {
        return intact ? caseKey + " OK (" + entries + " entries)"
                : caseKey + " BROKEN at #" + firstBrokenSequence + ": " + problem;
    }
}
