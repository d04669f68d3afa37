package org.opensupervision.rules;

/** What made the supervision rules look at a department's record. */
public enum RuleTrigger {
    FIRST_FEEDBACK_BREACH, HANDLING_BREACH, SPOT_CHECK_DISCREPANCY,
    /** The complainant rated the case badly (差评: level 2 or 1). */
    BAD_RATING,
    /** An approval case of the department received a red card (a limit passed, an irregular closure). */
    RED_CARD,
    /** An approval case of the department received a yellow card (a limit near, a stage late). */
    YELLOW_CARD,
    /**
     * The last step of a complaint's supervision ladder: the department ignored the 督办 notice on a missed handling
     * deadline and the 通报 to its head (issue 13).
     */
    CRITICISM_IGNORED,
    /** A bad-rating rectification passed its deadline (recorded once per case). */
    RATING_RECTIFICATION_OVERDUE,
    /** A spot-check rectification passed its deadline and was left open on the round. */
    SPOT_CHECK_RECTIFICATION_OVERDUE
}
