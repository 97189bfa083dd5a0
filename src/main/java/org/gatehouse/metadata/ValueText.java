package org.gatehouse.metadata;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one text form of a property value, used by lists, details, exports and the audit trail,
 * so that what the audit says changed reads exactly like what the pages show.
 */
public final class ValueText {

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private ValueText() {}

    public static String format(Object value, PropertyDescriptor property) {
        if (value == null) {
            return "";
        }
        if (value instanceof Collection<?> collection) {
            return collection.stream()
                    .map(item -> label(item, property))
                    .sorted()
                    .collect(Collectors.joining(", "));
        }
        if (property != null && property.isRelation()) {
            return label(value, property);
        }
        if (value instanceof Boolean bool) {
            return bool ? "Yes" : "No";
        }
        if (value instanceof Instant instant) {
            return DATE_TIME.format(instant);
        }
        if (value instanceof OffsetDateTime offset) {
            return DATE_TIME.format(offset);
        }
        if (value instanceof LocalDateTime local) {
            return DATE_TIME.format(local.atOffset(ZoneOffset.UTC));
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return value.toString();
    }

    /** A related record by the title property of its view. */
    public static String label(Object related, PropertyDescriptor property) {
        if (related == null) {
            return "";
        }
        Object title = PropertyAccess.get(related, property.relatedLabel());
        return title == null ? "" : title.toString();
    }

    /**
     * The related records' ids of each relation of a record ({@code "4"}, {@code "1,3"} in id
     * order, empty for none): what the audit trail keeps besides their labels, which need not be
     * unique, so that a change of a relation can be reverted to the very records it named.
     */
    public static Map<String, String> references(AdminView<?> view, Object entity) {
        Map<String, String> ids = new LinkedHashMap<>();
        if (entity != null) {
            view.properties().values().stream()
                    .filter(PropertyDescriptor::isRelation)
                    .forEach(p -> ids.put(p.name(), idsOf(PropertyAccess.get(entity, p.name()))));
        }
        return ids;
    }

    private static String idsOf(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Collection<?> collection) {
            return collection.stream()
                    .map(ValueText::idOf)
                    .sorted(java.util.Comparator.comparing(String::length)
                            .thenComparing(java.util.Comparator.naturalOrder()))
                    .collect(Collectors.joining(","));
        }
        return idOf(value);
    }

    private static String idOf(Object related) {
        return related instanceof org.gatehouse.persistence.BaseEntity entity ? String.valueOf(entity.getId()) : "";
    }

    /** Every property of a record as text, in the view's order; the password hash is never among them. */
    public static Map<String, String> snapshot(AdminView<?> view, Object entity) {
        Map<String, String> values = new LinkedHashMap<>();
        if (entity != null) {
            view.properties()
                    .values()
                    .forEach(p -> values.put(p.name(), format(PropertyAccess.get(entity, p.name()), p)));
        }
        return values;
    }
}
