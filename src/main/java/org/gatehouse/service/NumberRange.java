package org.gatehouse.service;

import jakarta.persistence.criteria.Predicate;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gatehouse.metadata.PropertyDescriptor;
import org.gatehouse.metadata.PropertyKind;

/**
 * Numbers from one bound to another, both included ({@code total.from=10&total.to=20}); a plain
 * {@code total=10} is the range from 10 to 10. Whole numbers arrive as {@link Long}, decimals as
 * {@link BigDecimal}; a value beyond what the property holds is refused rather than wrapped.
 */
public record NumberRange(PropertyDescriptor property, Number from, Number to) implements Filter {

    static NumberRange read(PropertyDescriptor property, String key, String bound, String value, NumberRange current) {
        Number number = number(property, key, bound, value);
        Number from = current == null ? null : current.from;
        Number to = current == null ? null : current.to;
        if (bound == null) {
            return new NumberRange(property, number, number);
        }
        return bound.equals("from") ? new NumberRange(property, number, to) : new NumberRange(property, from, number);
    }

    private static Number number(PropertyDescriptor property, String key, String bound, String value) {
        if (bound != null && !bound.equals("from") && !bound.equals("to")) {
            throw FilterRefused.unknown(key);
        }
        try {
            return property.kind() == PropertyKind.INTEGER ? whole(value, property.javaType()) : decimal(value);
        } catch (ArithmeticException e) {
            throw FilterRefused.outOfRange(key, value);
        } catch (NumberFormatException e) {
            throw FilterRefused.notExpected(
                    property.kind() == PropertyKind.INTEGER ? "list.notice.notWholeNumber" : "list.notice.notNumber",
                    key,
                    value);
        }
    }

    /** Whole numbers beyond what the attribute's type holds would wrap around: refused instead. */
    private static Long whole(String value, Class<?> type) {
        long number = Long.parseLong(value);
        long min = Long.MIN_VALUE;
        long max = Long.MAX_VALUE;
        if (type == Integer.class || type == int.class) {
            min = Integer.MIN_VALUE;
            max = Integer.MAX_VALUE;
        } else if (type == Short.class || type == short.class) {
            min = Short.MIN_VALUE;
            max = Short.MAX_VALUE;
        }
        if (number < min || number > max) {
            throw new ArithmeticException("out of range");
        }
        return number;
    }

    /** Up to 18 digits before and 10 after the point: more than any amount column holds, less than overflows. */
    private static BigDecimal decimal(String value) {
        if (value.length() > 40) {
            throw new ArithmeticException("too long");
        }
        BigDecimal number = new BigDecimal(value);
        if (number.precision() - number.scale() > 18 || number.scale() > 10) {
            throw new ArithmeticException("out of range");
        }
        return number;
    }

    @Override
    public Object value() {
        return from;
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (from != null) {
            parameters.put(name() + ".from", text(from));
        }
        if (to != null) {
            parameters.put(name() + ".to", text(to));
        }
        return parameters;
    }

    private static String text(Number number) {
        return number instanceof BigDecimal decimal ? decimal.toPlainString() : number.toString();
    }

    @Override
    public List<Predicate> predicates(FilterQuery query) {
        return query.between(property, from, to);
    }
}
