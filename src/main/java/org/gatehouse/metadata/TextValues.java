package org.gatehouse.metadata;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link ValueText#format} read backwards: a value of the audit trail (or an export) turned back
 * into the property's Java value. Relations are not values of their own and are resolved by the
 * service; here only the text of a to-many relation is split into its labels.
 */
public final class TextValues {

    private static final java.util.regex.Pattern PLAIN_NUMBER =
            java.util.regex.Pattern.compile("-?\\d{1,400}(\\.\\d{1,400})?");
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm").withResolverStyle(java.time.format.ResolverStyle.STRICT);

    /** A text that is no value of the property: the caller explains it rather than writing anything. */
    public static final class Unreadable extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        Unreadable(String text, PropertyDescriptor property) {
            super("'" + text + "' is no value of " + property.name());
        }
    }

    private TextValues() {}

    /**
     * The value whose text is {@code text}; the empty text is no value ({@code null}), which a
     * primitive property cannot take.
     *
     * @throws Unreadable when the text is not one {@link ValueText#format} writes for the property
     */
    public static Object parse(String text, PropertyDescriptor property) {
        if (property.isRelation()) {
            throw new IllegalArgumentException(property.name() + " is a relation: resolve it by id or label");
        }
        Class<?> type = property.javaType();
        if (text == null || text.isEmpty()) {
            if (type.isPrimitive()) {
                throw new Unreadable("", property);
            }
            return null;
        }
        try {
            return switch (property.kind()) {
                case TEXT, LONG_TEXT -> text;
                case BOOLEAN -> bool(text, property);
                case ENUM -> constant(text, property);
                case INTEGER, DECIMAL -> number(text, type, property);
                case DATE_TIME -> moment(text, type, property);
                case DATE -> type == LocalDate.class ? LocalDate.parse(text) : moment(text, type, property);
                default -> throw new Unreadable(text, property);
            };
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            throw new Unreadable(text, property);
        }
    }

    /**
     * The labels of a to-many relation's text ({@code "a, b"}); empty for the empty text. A label
     * that itself holds ", " cannot be told apart from two: resolving it finds nothing.
     */
    public static List<String> labels(String text) {
        List<String> labels = new ArrayList<>();
        if (text != null && !text.isEmpty()) {
            for (String label : text.split(", ", -1)) {
                labels.add(label);
            }
        }
        return labels;
    }

    /** The ids of a reference text ({@code "4"}, {@code "1,3"}); empty for the empty text. */
    public static List<String> ids(String references) {
        List<String> ids = new ArrayList<>();
        if (references != null && !references.isEmpty()) {
            for (String id : references.split(",", -1)) {
                ids.add(id.trim());
            }
        }
        return ids;
    }

    private static Boolean bool(String text, PropertyDescriptor property) {
        return switch (text) {
            case "Yes" -> Boolean.TRUE;
            case "No" -> Boolean.FALSE;
            default -> throw new Unreadable(text, property);
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object constant(String text, PropertyDescriptor property) {
        if (!property.javaType().isEnum()) {
            throw new Unreadable(text, property);
        }
        try {
            return Enum.valueOf((Class<? extends Enum>) property.javaType(), text);
        } catch (IllegalArgumentException e) {
            throw new Unreadable(text, property);
        }
    }

    private static Object number(String text, Class<?> type, PropertyDescriptor property) {
        boolean floating = type == Double.class || type == double.class || type == Float.class || type == float.class;
        if (!floating && !PLAIN_NUMBER.matcher(text).matches()) {
            // written without exponent (toPlainString): anything else was never recorded
            throw new Unreadable(text, property);
        }
        if (type == BigDecimal.class) {
            return new BigDecimal(text);
        }
        if (type == Double.class || type == double.class) {
            return Double.valueOf(text);
        }
        if (type == Float.class || type == float.class) {
            return Float.valueOf(text);
        }
        if (type == BigInteger.class) {
            return new BigInteger(text);
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
        throw new Unreadable(text, property);
    }

    /** The recorded moment, to the minute and in UTC as it was written. */
    private static Object moment(String text, Class<?> type, PropertyDescriptor property) {
        LocalDateTime local = LocalDateTime.parse(text, DATE_TIME);
        if (type == OffsetDateTime.class) {
            return local.atOffset(ZoneOffset.UTC);
        }
        if (type == Instant.class) {
            return local.toInstant(ZoneOffset.UTC);
        }
        if (type == LocalDateTime.class) {
            return local;
        }
        throw new Unreadable(text, property);
    }
}
