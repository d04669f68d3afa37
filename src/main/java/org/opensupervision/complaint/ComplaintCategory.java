package org.opensupervision.complaint;

import java.util.Locale;

/** The seven complaint categories of the provincial efficiency-complaint rules; the names are the API codes. */
public enum ComplaintCategory {
    INACTION("不作为", "Inaction"),
    SLOW_ACTION("慢作为", "Slow action"),
    ARBITRARY_ACTION("乱作为", "Arbitrary action"),
    INTEGRITY("吃拿卡要", "Integrity (bribes, obstruction)"),
    ATTITUDE("服务态度", "Service attitude"),
    SYSTEM_FAULT("系统问题", "Online service hall fault"),
    OTHER("其他", "Other");

    private final String labelZh;
    private final String labelEn;

    ComplaintCategory(String labelZh, String labelEn) {
        this.labelZh = labelZh;
        this.labelEn = labelEn;
    }

    /** The label in the given language: English for {@code en}, Chinese otherwise. */
    public String label(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? labelEn : labelZh;
    }

    /** The Chinese label, as shown to staff (Tasklist, staff mails). */
    public String labelZh() {
        return labelZh;
    }

    /** Both labels, Chinese first (the public API and logs). */
    public String bilingualLabel() {
        return labelZh + " / " + labelEn;
    }
}
