package org.gatehouse.i18n;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Locale;

/**
 * A text for the user named by its bundle key and arguments, so that a service can say what went
 * wrong without knowing the reader's language; the page turns it into words with {@link #text}.
 */
public record Message(String key, Serializable... arguments) implements Serializable {

    public static Message of(String key, Serializable... arguments) {
        return new Message(key, arguments);
    }

    public String text(Locale locale) {
        return Texts.format(locale, key, (Object[]) arguments);
    }

    /** In English, for log lines and exception messages. */
    @Override
    public String toString() {
        return text(Locale.ENGLISH);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Message that && key.equals(that.key) && Arrays.equals(arguments, that.arguments);
    }

    @Override
    public int hashCode() {
        return 31 * key.hashCode() + Arrays.hashCode(arguments);
    }
}
