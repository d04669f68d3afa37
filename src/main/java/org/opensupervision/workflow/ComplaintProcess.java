package org.opensupervision.workflow;

/** Names shared between the Java code and {@code processes/complaint-handling.bpmn}: one place, no literals elsewhere. */
public final class ComplaintProcess {

    public static final String KEY = "complaint-handling";
    /** The start event; its async-after is the save point of a process started the ordinary way. */
    public static final String START_EVENT = "StartEvent_ComplaintSubmitted";
    public static final String ROUTING_DECISION = "complaint-routing";
    public static final String SUPERVISION_OFFICE_GROUP = "supervision-office";

    /** Process variable names. */
    public static final class Var {
        public static final String COMPLAINT_ID = "complaintId";
        public static final String TRACKING_NUMBER = "trackingNumber";
        public static final String DEPARTMENT_CODE = "departmentCode";
        public static final String DEPARTMENT_NAME = "departmentName";
        public static final String CATEGORY = "category";
        public static final String CATEGORY_LABEL = "categoryLabel";
        public static final String TITLE = "title";
        public static final String COMPLAINT_SUMMARY = "complaintSummary";
        public static final String APPROVAL_CASE_NUMBER = "approvalCaseNumber";
        public static final String INCIDENT_DATE = "incidentDate";
        public static final String ANONYMOUS = "anonymous";
        public static final String CITIZEN_HAS_EMAIL = "citizenHasEmail";
        public static final String SUBMITTED_AT = "submittedAt";
        public static final String FIRST_FEEDBACK_DUE_AT = "firstFeedbackDueAt";
        public static final String FIRST_FEEDBACK_REMINDER_AT = "firstFeedbackReminderAt";
        /** The deadline as text in Beijing time, for the forms. */
        public static final String FIRST_FEEDBACK_DUE_DISPLAY = "firstFeedbackDueDisplay";
        public static final String ROUTING = "routing";
        /** Which rule of which version of the routing table routed the case: {@code complaint-routing v3 Rule_Default}. */
        public static final String ROUTING_RULE = "routingRule";
        public static final String HANDLING_DEPARTMENT_CODE = "handlingDepartmentCode";
        public static final String HANDLING_DEPARTMENT_NAME = "handlingDepartmentName";
        public static final String HANDLING_GROUP = "handlingGroup";
        public static final String PRIORITY = "priority";
        public static final String TRIAGE_DECISION = "triageDecision";
        public static final String REDIRECT_DEPARTMENT_CODE = "redirectDepartmentCode";
        public static final String TRIAGE_REASON = "triageReason";
        public static final String FIRST_FEEDBACK_TEXT = "firstFeedbackText";
        public static final String HANDLING_DUE_AT = "handlingDueAt";
        public static final String HANDLING_REMINDER_AT = "handlingReminderAt";
        /** The deadline as text in Beijing time, for the forms. */
        public static final String HANDLING_DUE_DISPLAY = "handlingDueDisplay";
        public static final String HANDLING_ACTION = "handlingAction";
        public static final String REPLY_TEXT = "replyText";
        public static final String EXTENSION_REASON = "extensionReason";
        public static final String EXTENSION_WORKING_DAYS = "extensionWorkingDays";
        public static final String EXTENSION_REQUESTED = "extensionRequested";
        public static final String EXTENSION_APPROVED = "extensionApproved";
        public static final String EXTENSION_DECISION_REASON = "extensionDecisionReason";
        public static final String HANDLING_BREACH_IS_NEW = "handlingBreachIsNew";
        public static final String NOTICE_TEXT = "noticeText";
        public static final String REVIEW_DECISION = "reviewDecision";
        public static final String REVIEW_COMMENT = "reviewComment";
        public static final String REWORK_COUNT = "reworkCount";
        // Issue 13: the office's own deadlines and the supervision ladder.
        public static final String TRIAGE_DUE_AT = "triageDueAt";
        public static final String TRIAGE_REMINDER_AT = "triageReminderAt";
        /** The handling deadline a reminder was last sent for: a deadline is reminded of once. */
        public static final String HANDLING_REMINDER_SENT_FOR = "handlingReminderSentFor";
        /** Whether the reminder that just came due is still worth sending (its deadline ahead, not yet reminded). */
        public static final String HANDLING_REMINDER_DUE = "handlingReminderDue";
        public static final String SUPERVISION_NOTICE_TASK_DUE_AT = "supervisionNoticeTaskDueAt";
        public static final String SUPERVISION_NOTICE_TASK_REMINDER_AT = "supervisionNoticeTaskReminderAt";
        /** By when the department must act on the 督办 notice. */
        public static final String SUPERVISION_NOTICE_DUE_AT = "supervisionNoticeDueAt";
        public static final String SUPERVISION_NOTICE_DUE_DISPLAY = "supervisionNoticeDueDisplay";
        /** By when the department must act after its head was told (通报). */
        public static final String CRITICISM_DUE_AT = "criticismDueAt";
        /** Whether the department replied after its handling breach (the ladder stops). */
        public static final String REPLIED_SINCE_BREACH = "repliedSinceBreach";
        public static final String REPLY_REVIEW_DUE_AT = "replyReviewDueAt";
        public static final String REPLY_REVIEW_REMINDER_AT = "replyReviewReminderAt";
        /** Local input of the office-task escalation: the overdue task's definition key. */
        public static final String OVERDUE_TASK = "overdueTask";
        /** Local input of the mail steps: which notice to send. */
        public static final String NOTICE = "notice";

        private Var() {
        }
    }

    /** Activity ids the Java code refers to. */
    public static final class Activity {
        public static final String TRIAGE = "Task_Triage";
        public static final String FIRST_FEEDBACK = "Task_FirstFeedback";
        public static final String HANDLING = "Task_Handling";
        public static final String HANDLING_SUBPROCESS = "SubProcess_Handling";
        public static final String REVIEW_EXTENSION = "Task_ReviewExtension";
        public static final String SUPERVISION_NOTICE = "Task_SupervisionNotice";
        public static final String REVIEW_REPLY = "Task_ReviewReply";
        public static final String HANDLING_REMINDER_TIMER = "BoundaryEvent_HandlingReminder";
        public static final String HANDLING_BREACH_TIMER = "BoundaryEvent_HandlingBreach";
        public static final String FIRST_FEEDBACK_BREACH_TIMER = "BoundaryEvent_FirstFeedbackBreach";

        private Activity() {
        }
    }

    private ComplaintProcess() {
    }
}
