package org.opensupervision.privacy.logging;

import java.util.regex.Pattern;

/**
 * Masks what looks like contact data in a log line: e-mail addresses keep only their domain
 * ({@code ***@example.com}), mobile numbers their first three and last four digits ({@code 138****8000}), landline
 * numbers only their area code. Names cannot be recognised by a pattern: no code path logs them.
 */
public final class ContactRedaction {

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+\\-]+@([A-Za-z0-9\\-]+(?:\\.[A-Za-z0-9\\-]+)+)");
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9])((?:\\+?86[- ]?)?1[3-9][0-9])[0-9]{4}([0-9]{4})(?![0-9])");
    private static final Pattern LANDLINE = Pattern.compile("(?<![0-9])(0[0-9]{2,3})-?[0-9]{7,8}(?![0-9])");

    private ContactRedaction() {
    }

    /** The text with e-mail addresses and phone numbers masked. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = EMAIL.matcher(text).replaceAll("***@$1");
        masked = MOBILE.matcher(masked).replaceAll("$1****$2");
        return LANDLINE.matcher(masked).replaceAll("$1-********");
    }
}
