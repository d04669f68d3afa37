package org.opensupervision.privacy.logging;

import java.util.regex.Pattern;

/**
 * Masks what looks like contact data in a log line: e-mail addresses keep only their domain
 * ({@code ***@example.com}), mobile numbers their first three and last four digits ({@code 138****8000}), landline
 * numbers only their area code. Names cannot be recognised by a pattern: no code path logs them.
 *
 * <p>Linear in the length of the line: a log line can carry text a stranger chose (a URL, a header), so no input may
 * make masking slow. E-mail addresses are found by a scan outwards from each {@code @} (a regular expression for them
 * retries every start position of a long run of address characters, quadratic: 17 s for 20 KB); the phone patterns
 * look at a bounded window around each position, linear as they are.
 */
public final class ContactRedaction {

    private static final Pattern MOBILE = Pattern.compile("(?<![0-9])((?:\\+?86[- ]?)?1[3-9][0-9])[0-9]{4}([0-9]{4})(?![0-9])");
    private static final Pattern LANDLINE = Pattern.compile("(?<![0-9])(0[0-9]{2,3})-?[0-9]{7,8}(?![0-9])");

    private ContactRedaction() {
    }

    /** The text with e-mail addresses and phone numbers masked. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = maskEmailAddresses(text);
        masked = MOBILE.matcher(masked).replaceAll("$1****$2");
        return LANDLINE.matcher(masked).replaceAll("$1-********");
    }

    /**
     * Each {@code @} with a run of local-part characters before it and a domain of two or more labels after it: the
     * run becomes {@code ***}. Every character is looked at a bounded number of times: a run before one {@code @} ends
     * at the previous one, and a domain never contains one.
     */
    private static String maskEmailAddresses(String text) {
        int at = text.indexOf('@');
        if (at < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        while (at >= 0) {
            int start = at;
            while (start > copied && isLocalPart(text.charAt(start - 1))) {
                start--;
            }
            int domainEnd = domainEnd(text, at + 1);
            if (start < at && domainEnd > 0) {
                out.append(text, copied, start).append("***@").append(text, at + 1, domainEnd);
                copied = domainEnd;
                at = text.indexOf('@', domainEnd);
            } else {
                at = text.indexOf('@', at + 1);
            }
        }
        return out.append(text, copied, text.length()).toString();
    }

    /** The end of a domain of at least two labels starting at {@code from}, or -1 if there is none. */
    private static int domainEnd(String text, int from) {
        int i = from;
        int labels = 0;
        int end = -1;
        while (true) {
            int labelStart = i;
            while (i < text.length() && isDomainLabel(text.charAt(i))) {
                i++;
            }
            if (i == labelStart) {
                return labels >= 2 ? end : -1;
            }
            labels++;
            end = i;
            if (i + 1 < text.length() && text.charAt(i) == '.' && isDomainLabel(text.charAt(i + 1))) {
                i++;
            } else {
                return labels >= 2 ? end : -1;
            }
        }
    }

    private static boolean isLocalPart(char c) {
        return isAsciiLetterOrDigit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }

    private static boolean isDomainLabel(char c) {
        return isAsciiLetterOrDigit(c) || c == '-';
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
