package org.gatehouse.service;

import java.io.Serializable;

/**
 * How many rows a list has, as cheaply as it can be known: exact for small results, the
 * planner's estimate for a large unfiltered table, or "more than the cap" for a large filtered one.
 */
public record ListCount(long value, Kind kind) implements Serializable {

    public enum Kind { EXACT, ESTIMATE, AT_LEAST }

    public boolean exact() {
        return kind == Kind.EXACT;
    }

    /** "1,000", "about 1,000,000", "more than 10,000". */
    public String describe() {
        String number = String.format("%,d", value);
        return switch (kind) {
            case EXACT -> number;
            case ESTIMATE -> "about " + number;
            case AT_LEAST -> "more than " + number;
        };
    }
}
