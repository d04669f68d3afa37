package org.opensupervision.discipline;

/** Where a disciplinary case came from. */
public enum EscalationSource {
    /** The supervision office escalated an integrity complaint (吃拿卡要) at triage. */
    TRIAGE,
    /** A supervision rule on a deadline breach decided to escalate. */
    RULES,
    /** A supervision rule on a spot-check discrepancy decided to escalate. */
    SPOT_CHECK
}
