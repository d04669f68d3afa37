package org.opensupervision.discipline;

/** The graded outcomes of a disciplinary case (執紀問責), mildest first. */
public enum DisciplinaryOutcome {
    NO_VIOLATION("无违规", "No violation"),
    REMINDER("提醒", "Reminder"),
    CRITICISM_AND_EDUCATION("批评教育", "Criticism and education"),
    ADMONITION_TALK("诫勉谈话", "Admonition talk"),
    PUBLIC_CRITICISM("通报批评", "Public criticism"),
    REFERRAL_FOR_ACCOUNTABILITY("移送问责", "Referral for accountability");

    private final String labelZh;
    private final String labelEn;

    DisciplinaryOutcome(String labelZh, String labelEn) {
        this.labelZh = labelZh;
        this.labelEn = labelEn;
    }

    /** The Chinese label, as shown to staff (Tasklist, staff mails). */
    public String labelZh() {
        return labelZh;
    }

    /** Both labels, Chinese first. */
    public String bilingualLabel() {
        return labelZh + " / " + labelEn;
    }
}
