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
    APPROVAL_CONTEST_OVERDUE(Audience.SUPERVISION_OFFICE);

    /** Who a notice goes to. */
    public enum Audience {
        CITIZEN, DEPARTMENT, DEPARTMENT_AND_HEAD, SUPERVISION_OFFICE, DISCIPLINE_HEAD, DEPARTMENT_AND_SUPERVISION_OFFICE
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
