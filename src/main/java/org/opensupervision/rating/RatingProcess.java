package org.opensupervision.rating;

/** Names shared between the Java code and {@code processes/citizen-rating.bpmn}. */
public final class RatingProcess {

    public static final String KEY = "citizen-rating";
    /** Thrown by complaint-handling once the approved reply is mailed; starts the rating process. */
    public static final String RATING_REQUESTED = "RatingRequested";
    /** Correlated when the complainant has rated (only by {@link CitizenRatings}). */
    public static final String RATING_SUBMITTED = "RatingSubmitted";

    /** Process variables of the rating process. */
    public static final class Var {
        public static final String RATING_ROUND = "ratingRound";
        public static final String RATING_DUE_AT = "ratingDueAt";
        public static final String RATING_BAD = "ratingBad";
        public static final String RATING_LEVEL_LABEL = "ratingLevelLabel";
        public static final String RATING_COMMENT = "ratingComment";
        public static final String CALLBACK_NOTE = "callbackNote";
        public static final String RECTIFICATION_DUE_AT = "rectificationDueAt";
        /** Whether the overdue rectification was recorded just now (true) or before (false). */
        public static final String RECTIFICATION_OVERDUE_NEW = "rectificationOverdueNew";
        public static final String RECTIFICATION_ACTION = "rectificationAction";
        public static final String RECTIFICATION_TEXT = "rectificationText";
        public static final String APPEAL_REASON = "appealReason";
        public static final String APPEAL_FILED = "appealFiled";
        public static final String APPEAL_UPHELD = "appealUpheld";
        public static final String APPEAL_DECISION_REASON = "appealDecisionReason";

        private Var() {
        }
    }

    /** Activity ids the Java code refers to. */
    public static final class Activity {
        public static final String CALLBACK = "Task_Callback";
        public static final String RECTIFICATION = "Task_Rectification";
        public static final String REVIEW_APPEAL = "Task_ReviewAppeal";

        private Activity() {
        }
    }

    private RatingProcess() {
    }
}
