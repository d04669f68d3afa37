package org.opensupervision.rules;

/** What made the supervision rules look at a department's record. */
public enum RuleTrigger {
    FIRST_FEEDBACK_BREACH, HANDLING_BREACH, SPOT_CHECK_DISCREPANCY
}
