package org.opensupervision.web;

/**
 * Text from outside may not carry control characters: PostgreSQL refuses NUL in a text column (a 500 where H2 stores
 * it), and the others (escape sequences, backspace, bell) only serve to garble logs and pages. Tab, line feed and
 * carriage return are text in a multi-line field (a description, a reason), but not in a one-line field (a title, a
 * name, a search).
 */
public final class ControlCharacters {

    /** The error code of a field that carries one; messages {@code field.controlCharacters} in both languages. */
    public static final String CODE = "controlCharacters";

    private ControlCharacters() {
    }

    /** Whether one-line text (no tab or line break either) carries a control character. */
    public static boolean inLine(String text) {
        return find(text, false);
    }

    /** Whether multi-line text carries a control character other than tab, line feed and carriage return. */
    public static boolean inText(String text) {
        return find(text, true);
    }

    private static boolean find(String text, boolean multiLine) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.getType(c) == Character.CONTROL
                    && !(multiLine && (c == '\t' || c == '\n' || c == '\r'))) {
                return true;
            }
        }
        return false;
    }
}
