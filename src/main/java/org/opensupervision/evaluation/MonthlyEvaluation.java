package org.opensupervision.evaluation;

/** Names shared with {@code processes/monthly-evaluation.bpmn} and {@code forms/evaluationReview.form}. */
public final class MonthlyEvaluation {

    public static final String KEY = "monthly-evaluation";
    public static final String REVIEW_TASK = "Task_ReviewEvaluation";
    public static final String EVALUATION_OFFICE_GROUP = "evaluation-office";
    public static final String SUPERVISION_HEAD_GROUP = "supervision-head";

    /** The evaluation office's decision in the review form; the model's gateway conditions name the same values. */
    public enum ReviewDecision {
        PUBLISH, CORRECT
    }

    /** Process variables. */
    public static final class Var {
        /** The month evaluated ({@code yyyy-MM}), set when the instance starts. */
        public static final String EVALUATION_MONTH = "evaluationMonth";
        /** When the computation runs: the first working day of the month at the compute time. */
        public static final String COMPUTE_AT = "computeAt";
        /** Per period (local to each multi-instance pass): the period, its table, its dates. */
        public static final String PERIOD = "period";
        public static final String TABLE = "evaluationTable";
        public static final String RULE_VERSION = "evaluationRuleVersion";
        public static final String REVIEW_DUE_AT = "reviewDueAt";
        public static final String REVIEW_REMINDER_AT = "reviewReminderAt";
        /**
         * Whether the review's reminder and escalation mails went out (local to the period, like its dates): a
         * correction creates the review task anew, its timers fire again at once, and must not mail a second time.
         */
        public static final String REVIEW_REMINDED = "reviewReminded";
        public static final String REVIEW_ESCALATED = "reviewEscalated";
        /** The form's fields. */
        public static final String DECISION = "evaluationDecision";
        public static final String CORRECTION_DEPARTMENT = "correctionDepartmentCode";
        public static final String CORRECTION_INDICATOR = "correctionIndicator";
        public static final String CORRECTION_NUMERATOR = "correctionNumerator";
        public static final String CORRECTION_DENOMINATOR = "correctionDenominator";
        public static final String CORRECTION_REASON = "correctionReason";

        private Var() {
        }
    }

    private MonthlyEvaluation() {
    }
}
