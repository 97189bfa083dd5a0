package org.gatehouse.service;

import org.gatehouse.i18n.Message;

/**
 * A filter parameter that is not applied, with the notice that says why. The notice quotes a value
 * only shortened, and the list's parser has already refused control characters.
 */
public final class FilterRefused extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final Message notice;

    private FilterRefused(Message notice) {
        super(notice.key());
        this.notice = notice;
    }

    public Message notice() {
        return notice;
    }

    /** "Unknown filter 'total.max' was ignored." */
    static FilterRefused unknown(String key) {
        return new FilterRefused(Message.of("list.notice.unknownFilter", shorten(key)));
    }

    /** A value of the right form but beyond what the property holds. */
    static FilterRefused outOfRange(String key, String value) {
        return new FilterRefused(Message.of("list.notice.outOfRange", key, shorten(value)));
    }

    /** "Filter 'total.from': 'ten' is not a number; that filter was ignored.", by the notice's key. */
    static FilterRefused notExpected(String noticeKey, String key, String value) {
        return new FilterRefused(Message.of(noticeKey, key, shorten(value)));
    }

    /** Kinds that match one value take no {@code .from} or {@code .to}. */
    static void requireNoBound(String key, String bound) {
        if (bound != null) {
            throw unknown(key);
        }
    }

    /** A value as a notice quotes it: never more than 40 characters (plain ASCII dots, as pages are). */
    static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "..." : value;
    }
}
