package org.gatehouse.metadata;

/** How a property is shown, edited and filtered. Derived from its Java type and mapping. */
public enum PropertyKind {
    TEXT,
    LONG_TEXT,
    INTEGER,
    DECIMAL,
    BOOLEAN,
    ENUM,
    DATE_TIME,
    DATE,
    TO_ONE,
    TO_MANY;

    public boolean isNumber() {
        return this == INTEGER || this == DECIMAL;
    }

    public boolean isTemporal() {
        return this == DATE_TIME || this == DATE;
    }

    public boolean isRelation() {
        return this == TO_ONE || this == TO_MANY;
    }
}
