package org.opensupervision.notification;

/** Every mail the complaint process sends, and who receives it. */
public enum Notice {
    FIRST_FEEDBACK(Audience.CITIZEN),
    REJECTION(Audience.CITIZEN),
    REPLY(Audience.CITIZEN),
    FIRST_FEEDBACK_REMINDER(Audience.DEPARTMENT),
    HANDLING_REMINDER(Audience.DEPARTMENT),
    SUPERVISION_NOTICE(Audience.DEPARTMENT_AND_HEAD),
    FIRST_FEEDBACK_BREACH(Audience.SUPERVISION_OFFICE),
    /** 通报: the 督办 notice was ignored; the head of the department is told, the department in copy. */
    PUBLIC_CRITICISM(Audience.HEAD_AND_DEPARTMENT),
    /** A task of the supervision office reaches its reminder moment (its follow-up date). */
    OFFICE_TASK_REMINDER(Audience.SUPERVISION_OFFICE),
    /** A task of the supervision office passed its due date and was offered to the head of the office. */
    OFFICE_TASK_OVERDUE(Audience.SUPERVISION_OFFICE),
    // Supervision rules, spot checks and disciplinary escalation: sent through Notifications, recipients named there.
    RULE_WARNING(Audience.DEPARTMENT),
    RULE_NOTICE(Audience.DEPARTMENT_AND_HEAD),
    DISCIPLINE_STEP_OVERDUE(Audience.DISCIPLINE_HEAD),
    DISCIPLINE_OUTCOME(Audience.DEPARTMENT_AND_SUPERVISION_OFFICE),
    // The ladder of the staff's own steps (ladder module): a step due soon, a step overdue offered to the head.
    STEP_REMINDER(Audience.SUPERVISION_OFFICE),
    STEP_OVERDUE(Audience.SUPERVISION_OFFICE),
    // Citizen rating and rectification.
    RATING_INVITATION(Audience.CITIZEN),
    RECTIFICATION_REPLY(Audience.CITIZEN),
    RECTIFICATION_OVERDUE(Audience.SUPERVISION_OFFICE),
    // Approval-case supervision: a yellow or red card, and the office's decision on a contested card.
    APPROVAL_CARD(Audience.DEPARTMENT),
    APPROVAL_CARD_CONTEST_DECIDED(Audience.DEPARTMENT),
    APPROVAL_CONTEST_OVERDUE(Audience.SUPERVISION_OFFICE),
    // Performance evaluation: the review's reminder to the evaluation office, and its escalation to the head.
    EVALUATION_REVIEW_REMINDER(Audience.SUPERVISION_OFFICE),
    EVALUATION_REVIEW_OVERDUE(Audience.SUPERVISION_OFFICE);

    /** Who a notice goes to. */
    public enum Audience {
        CITIZEN, DEPARTMENT, DEPARTMENT_AND_HEAD, HEAD_AND_DEPARTMENT, SUPERVISION_OFFICE, DISCIPLINE_HEAD, DEPARTMENT_AND_SUPERVISION_OFFICE
    }

    private final Audience audience;

    Notice(Audience audience) {
        this.audience = audience;
    }

    public Audience audience() {
        return audience;
    }

    /** The mail template, {@code templates/mail/<name>.txt}. */
    String template() {
        return "mail/" + name().toLowerCase().replace('_', '-');
    }
}
