package org.opensupervision.workflow;

/**
 * Names shared between the Java code and the models of supervision rules, spot checks and disciplinary escalation
 * ({@code supervision-rule-check.bpmn}, {@code spot-check.bpmn}, {@code disciplinary-escalation.bpmn}).
 */
public final class SupervisionProcesses {

    public static final String DISCIPLINE_GROUP = "discipline-inspection";
    public static final String DISCIPLINE_HEAD_GROUP = "discipline-head";

    /** {@code processes/supervision-rule-check.bpmn}: evaluates the three rule tables and carries out the verdict. */
    public static final class RuleCheck {
        public static final String KEY = "supervision-rule-check";
        public static final String DEPARTMENT_CODE = "departmentCode";
        public static final String CATEGORY = "category";
        public static final String TRIGGER = "ruleTrigger";
        public static final String ACTION = "ruleAction";
        public static final String SEVERITY = "ruleSeverity";
        public static final String REASON = "ruleReason";
        public static final String DECIDED_BY = "ruleDecidedBy";
        public static final String DECISION_ID = "ruleDecisionId";
        /** The id of the deciding rule (the deduplication key of an escalation). */
        public static final String RULE_ID = "ruleId";
        public static final String NOTICE_TEXT = "noticeText";
        /** Where staff read the case the check is about (a complaint's page unless the starter names another). */
        public static final String CASE_PATH = "casePath";
        public static final String NOTICE_TASK = "Task_RuleSupervisionNotice";

        private RuleCheck() {
        }
    }

    /** {@code processes/spot-check.bpmn}: the periodic offline spot check. */
    public static final class SpotCheck {
        public static final String KEY = "spot-check";
        public static final String ROUND_ID = "spotCheckRoundId";
        public static final String SAMPLE_IDS = "sampleIds";
        public static final String SAMPLE_ID = "sampleId";
        public static final String SAMPLE_COUNT = "sampleCount";
        public static final String SEED = "seed";
        public static final String CHECK_TASK = "Task_SpotCheck";
        public static final String RECTIFICATION_TASK = "Task_Rectification";
        public static final String DISCREPANCY = "discrepancy";

        private SpotCheck() {
        }
    }

    /** {@code processes/disciplinary-escalation.bpmn}: the discipline inspectors' case. */
    public static final class Discipline {
        public static final String KEY = "disciplinary-escalation";
        public static final String MESSAGE = "DisciplinaryEscalationRequested";
        public static final String CASE_ID = "disciplinaryCaseId";
        public static final String DEPARTMENT_CODE = "escalatedDepartmentCode";
        public static final String SOURCE = "escalationSource";
        public static final String REASON = "escalationReason";
        public static final String SEVERITY = "escalationSeverity";
        /** The rule that escalated: one open case per department, rule and month (absent: no deduplication). */
        public static final String RULE_KEY = "escalationRuleKey";
        /** The department-rule-month slot the case holds. */
        public static final String CLAIM_ID = "disciplinaryClaimId";
        public static final String PRELIMINARY_REVIEW_DUE_AT = "preliminaryReviewDueAt";
        public static final String INVESTIGATION_DUE_AT = "investigationDueAt";
        public static final String PRELIMINARY_FINDING = "preliminaryFinding";
        public static final String INVESTIGATION_ACTION = "investigationAction";
        public static final String EXTENSION_REASON = "investigationExtensionReason";
        public static final String EXTENSION_WORKING_DAYS = "investigationExtensionWorkingDays";
        public static final String EXTENDED = "investigationExtended";
        public static final String FINDINGS = "investigationFindings";
        public static final String OUTCOME = "disciplinaryOutcome";
        public static final String OUTCOME_REASON = "outcomeReason";
        public static final String PRELIMINARY_REVIEW_TASK = "Task_PreliminaryReview";
        public static final String INVESTIGATION_TASK = "Task_Investigation";
        public static final String DECISION_TASK = "Task_DisciplinaryDecision";

        private Discipline() {
        }
    }

    private SupervisionProcesses() {
    }
}
