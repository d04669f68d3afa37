package org.opensupervision.approval;

/**
 * Why a card was raised. Each cause is raised at most once per case. Clock causes are recomputed when a late event
 * moves the clock; closure causes come from the events themselves.
 */
public enum CardCause {
    PROMISED_LIMIT_NEAR(CardColour.YELLOW, "承诺时限将至", "Promised limit near"),
    STATUTORY_LIMIT_NEAR(CardColour.YELLOW, "法定时限将至", "Statutory limit near"),
    ACCEPTANCE_STAGE_LATE(CardColour.YELLOW, "受理环节超时", "Acceptance stage late"),
    REVIEW_STAGE_LATE(CardColour.YELLOW, "审查环节超时", "Review stage late"),
    DELIVERY_STAGE_LATE(CardColour.YELLOW, "决定送达环节超时", "Delivery of the decision late"),
    STOP_OVER_LIMIT(CardColour.YELLOW, "暂停计时超过法定上限", "Clock stop longer than the law allows"),
    PROMISED_LIMIT_PASSED(CardColour.RED, "超过承诺时限", "Promised limit passed"),
    STATUTORY_LIMIT_PASSED(CardColour.RED, "超过法定时限", "Statutory limit passed"),
    REFUSED_WITHOUT_REASON(CardColour.RED, "不予批准未说明理由", "Refused without a reason"),
    DECIDED_BEFORE_ACCEPTANCE(CardColour.RED, "未受理先审批", "Decided before it was accepted"),
    COUNTER_WHEN_ONLINE_REQUIRED(CardColour.RED, "应网办而线下办结", "Completed at the counter though online handling is required");

    private final CardColour colour;
    private final String labelZh;
    private final String labelEn;

    CardCause(CardColour colour, String labelZh, String labelEn) {
        this.colour = colour;
        this.labelZh = labelZh;
        this.labelEn = labelEn;
    }

    public CardColour colour() {
        return colour;
    }

    /** The Chinese label, as shown to staff (Tasklist, staff mails). */
    public String labelZh() {
        return labelZh;
    }

    /** "超过承诺时限 / Promised limit passed". */
    public String label() {
        return labelZh + " / " + labelEn;
    }

    /** Whether the cause is a clock's (recomputed when the clock moves) rather than a fact of the events. */
    public boolean clockCause() {
        return ordinal() <= STATUTORY_LIMIT_PASSED.ordinal();
    }
}
