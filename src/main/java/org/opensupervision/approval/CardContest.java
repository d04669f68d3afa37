package org.opensupervision.approval;

/**
 * Names shared with {@code processes/approval-card-contest.bpmn}: a department contests a card once; the supervision
 * office upholds or withdraws it.
 */
public final class CardContest {

    public static final String KEY = "approval-card-contest";
    public static final String REVIEW_TASK = "Task_ReviewCardContest";
    /** Head of the supervision office: a contest the office leaves past its due date is escalated to this group. */
    public static final String SUPERVISION_HEAD_GROUP = org.opensupervision.access.StaffGroups.SUPERVISION_HEAD;

    /** Process variables. */
    public static final class Var {
        public static final String CARD_ID = "cardId";
        public static final String CASE_ID = "caseId";
        public static final String DEPARTMENT_CODE = "departmentCode";
        public static final String DEPARTMENT_NAME = "departmentName";
        public static final String CARD = "cardDescription";
        public static final String CONTEST_REASON = "contestReason";
        public static final String CONTESTED_BY = "contestedBy";
        public static final String DUE_AT = "contestDueAt";
        public static final String CASE_SUMMARY = "caseSummary";
        /** Form field: {@link Decision}. */
        public static final String DECISION = "contestDecision";
        /** Form field: why. */
        public static final String DECISION_REASON = "contestDecisionReason";

        private Var() {
        }
    }

    /** The office's decision, as the form and the model's gateway name it. */
    public enum Decision {
        /** 维持: the card stands. */
        UPHOLD,
        /** 撤销: the card is withdrawn and counts nowhere. */
        WITHDRAW
    }

    private CardContest() {
    }
}
