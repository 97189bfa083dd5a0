package org.gatehouse.metadata;

/**
 * Which characters text may carry into the database. NUL and the other C0/C1 control characters
 * (and lone UTF-16 surrogates) are refused everywhere: PostgreSQL rejects NUL outright, and the
 * rest only ever arrive from crafted input. Line breaks and tabs are text in multi-line fields.
 */
public final class PlainText {

    private PlainText() {}

    /** Whether the text has a character no field accepts; {@code multiLine} allows CR, LF and TAB. */
    public static boolean hasForbiddenCharacters(String text, boolean multiLine) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (multiLine && (c == '\n' || c == '\r' || c == '\t')) {
                continue;
            }
            if (Character.isISOControl(c)) {
                return true;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
