package org.opensupervision.department;

import java.util.Locale;

/** A provincial department: reference data, loaded from {@code reference/departments.yml}. */
public record Department(String code, String nameZh, String nameEn, String notificationAddress,
                         String headAddress, String handlingGroup) {

    /** The department's name in the given language: English for {@code en}, Chinese otherwise. */
    public String name(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameZh;
    }

    /** Both names, Chinese first, as shown to staff. */
    public String bilingualName() {
        return nameZh + " / " + nameEn;
    }
}
