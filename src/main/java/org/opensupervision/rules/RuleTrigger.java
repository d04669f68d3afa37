package org.opensupervision.rules;

/** What made the supervision rules look at a department's record. */
public enum RuleTrigger {
    FIRST_FEEDBACK_BREACH, HANDLING_BREACH, SPOT_CHECK_DISCREPANCY,
    /** The complainant rated the case badly (差评: level 2 or 1). */
    BAD_RATING
}
