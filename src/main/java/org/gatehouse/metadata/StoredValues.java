package org.gatehouse.metadata;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A record's plain properties as exact texts and back, for keeping a record outside its table
 * (the trash) and putting it back unchanged. Unlike {@link ValueText}, which writes what people
 * read (dates to the minute, "Yes"), this loses nothing: ISO-8601 moments, plain decimals, enum
 * names. Relations are not values: they are kept as ids ({@link ValueText#references}).
 */
public final class StoredValues {

    private StoredValues() {}

    /**
     * The exact text of each plain property of the view the record has (not the id, not relations,
     * not paths into related records); {@code null} for no value. Excluded properties, such as a
     * password hash, are no properties of the view and so are never among them.
     */
    public static Map<String, String> of(AdminView<?> view, Object entity) {
        Map<String, String> values = new LinkedHashMap<>();
        for (PropertyDescriptor property : view.properties().values()) {
            if (stored(property)) {
                values.put(property.name(), text(PropertyAccess.get(entity, property.name())));
            }
        }
        return values;
    }

    /** Whether a property is kept as a value: a plain property of the record itself, not its id. */
    public static boolean stored(PropertyDescriptor property) {
        return !property.isRelation()
                && !property.name().contains(".")
                && !property.name().equals("id");
    }

    public static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        return value.toString();
    }

    /**
     * The value of the given type whose exact text is {@code text}.
     *
     * @throws IllegalArgumentException when the text is no value of the type
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Object parse(String text, Class<?> type) {
        if (text == null) {
            if (type.isPrimitive()) {
                throw new IllegalArgumentException("no value for a " + type);
            }
            return null;
        }
        try {
            if (type == String.class) {
                return text;
            }
            if (type.isEnum()) {
                return Enum.valueOf((Class<Enum>) type, text);
            }
            if (type == Boolean.class || type == boolean.class) {
                if (!text.equals("true") && !text.equals("false")) {
                    throw new IllegalArgumentException(text);
                }
                return Boolean.valueOf(text);
            }
            if (type == Long.class || type == long.class) {
                return Long.valueOf(text);
            }
            if (type == Integer.class || type == int.class) {
                return Integer.valueOf(text);
            }
            if (type == Short.class || type == short.class) {
                return Short.valueOf(text);
            }
            if (type == Double.class || type == double.class) {
                return Double.valueOf(text);
            }
            if (type == Float.class || type == float.class) {
                return Float.valueOf(text);
            }
            if (type == BigDecimal.class) {
                return new BigDecimal(text);
            }
            if (type == BigInteger.class) {
                return new BigInteger(text);
            }
            if (type == OffsetDateTime.class) {
                return OffsetDateTime.parse(text);
            }
            if (type == Instant.class) {
                return Instant.parse(text);
            }
            if (type == LocalDateTime.class) {
                return LocalDateTime.parse(text);
            }
            if (type == LocalDate.class) {
                return LocalDate.parse(text);
            }
            if (type == LocalTime.class) {
                return LocalTime.parse(text);
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + text + "' is no " + type.getSimpleName(), e);
        }
        throw new IllegalArgumentException("no exact text for " + type.getName());
    }
}
