package org.gatehouse.metadata;

import jakarta.persistence.metamodel.Attribute.PersistentAttributeType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * The {@link PropertyKind} of an attribute, from its mapping and Java type: what decides how the
 * list shows it, the form edits it and a filter narrows it.
 */
final class PropertyKinds {

    /** Text longer than a one-line input holds comfortably is edited in a text area. */
    static final int LONG_TEXT_THRESHOLD = 255;

    private static final Set<Class<?>> INTEGERS =
            Set.of(int.class, long.class, short.class, Integer.class, Long.class, Short.class, BigInteger.class);
    private static final Set<Class<?>> DECIMALS =
            Set.of(double.class, float.class, Double.class, Float.class, BigDecimal.class);
    private static final Set<Class<?>> DATE_TIMES =
            Set.of(Instant.class, LocalDateTime.class, OffsetDateTime.class, ZonedDateTime.class);

    private PropertyKinds() {}

    /**
     * @param maxLength the longest text the property holds (0 when unbounded by a declaration)
     */
    static PropertyKind of(PersistentAttributeType mapping, Class<?> javaType, int maxLength) {
        if (mapping == PersistentAttributeType.MANY_TO_ONE || mapping == PersistentAttributeType.ONE_TO_ONE) {
            return PropertyKind.TO_ONE;
        }
        if (mapping == PersistentAttributeType.MANY_TO_MANY || mapping == PersistentAttributeType.ONE_TO_MANY) {
            return PropertyKind.TO_MANY;
        }
        if (javaType.isEnum()) {
            return PropertyKind.ENUM;
        }
        if (javaType == boolean.class || javaType == Boolean.class) {
            return PropertyKind.BOOLEAN;
        }
        if (INTEGERS.contains(javaType)) {
            return PropertyKind.INTEGER;
        }
        if (DECIMALS.contains(javaType)) {
            return PropertyKind.DECIMAL;
        }
        if (DATE_TIMES.contains(javaType)) {
            return PropertyKind.DATE_TIME;
        }
        if (javaType == LocalDate.class) {
            return PropertyKind.DATE;
        }
        return maxLength > LONG_TEXT_THRESHOLD ? PropertyKind.LONG_TEXT : PropertyKind.TEXT;
    }
}
