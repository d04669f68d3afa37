package org.opensupervision.approval;

import java.util.List;

/**
 * The answer to a batch: how many events were kept, how many were known already, and each refused event with a
 * machine-readable code ({@code INVALID}, {@code UNKNOWN_ITEM}, {@code WRONG_DEPARTMENT}, {@code IMPOSSIBLE_TRANSITION}).
 */
public record EventBatchResult(int accepted, int duplicates, List<Rejected> rejected) {

    /** One refused event: its position in the batch (from 0), its id, why. */
    public record Rejected(int index, String eventId, String code, String message) {
    }
}
