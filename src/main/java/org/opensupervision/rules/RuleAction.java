package org.opensupervision.rules;

/** What a rule decides, weakest first: the order is how the strictest decision among the three levels is found. */
public enum RuleAction {
    /** No rule matched. */
    NONE,
    /** Early warning (预警): a mail to the department, recorded. */
    WARN,
    /** Supervision notice (督办): the supervision office writes a notice to the department and its head. */
    NOTICE,
    /** Referral to the discipline inspectors (执纪问责). */
    ESCALATE
}
