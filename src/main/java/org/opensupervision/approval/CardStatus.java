package org.opensupervision.approval;

/** Where a card stands: in force, contested, upheld or withdrawn by the supervision office. */
public enum CardStatus {
    ACTIVE, CONTESTED, UPHELD, WITHDRAWN;

    /** Whether the card counts (in the rules, the live view and the evaluation). */
    public boolean counts() {
        return this != WITHDRAWN;
    }
}
