package org.opensupervision.approval;

/** A contest or a decision on it that cannot be taken: {@link Reason} says why. */
public class CardContestRejected extends RuntimeException {

    /** Why. */
    public enum Reason {
        NOT_FOUND, FORBIDDEN, ALREADY_CONTESTED, REASON_REQUIRED
    }

    private final Reason reason;

    public CardContestRejected(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
