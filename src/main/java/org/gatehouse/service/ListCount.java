package org.gatehouse.service;

import java.io.Serializable;
import org.gatehouse.i18n.Message;

/**
 * How many rows a list has, as cheaply as it can be known: exact for small results, the
 * planner's estimate for a large unfiltered table, or "more than the cap" for a large filtered one.
 */
public record ListCount(long value, Kind kind) implements Serializable {

    public enum Kind {
        EXACT,
        ESTIMATE,
        AT_LEAST
    }

    public boolean exact() {
        return kind == Kind.EXACT;
    }

    /** The count as a sentence part in the reader's language: "1,000", "about 1,000,000", "more than 10,000". */
    public Message message() {
        return switch (kind) {
            case EXACT -> Message.of("service.count.exact", value);
            case ESTIMATE -> Message.of("service.count.estimate", value);
            case AT_LEAST -> Message.of("service.count.atLeast", value);
        };
    }

    /** "1,000", "about 1,000,000", "more than 10,000", in English (logs, tests). */
    public String describe() {
        String number = String.format("%,d", value);
        return switch (kind) {
            case EXACT -> number;
            case ESTIMATE -> "about " + number;
            case AT_LEAST -> "more than " + number;
        };
    }
}
