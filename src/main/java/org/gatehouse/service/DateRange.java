package org.gatehouse.service;

import jakarta.persistence.criteria.Predicate;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.Temporal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.gatehouse.metadata.PropertyDescriptor;
import org.gatehouse.metadata.PropertyKind;

/**
 * Dates or moments from one bound to another, both included ({@code createdAt.from=2026-01-01}).
 * For a moment, a day alone as the upper bound covers that whole day, and a plain
 * {@code createdAt=2026-01-01} is that day. Dates arrive as {@link LocalDate}, moments as
 * {@link LocalDateTime} in UTC; four-digit years from 0001 only: every database stores them,
 * none overflows.
 */
public record DateRange(PropertyDescriptor property, Temporal from, Temporal to) implements Filter {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DATE_TIME =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?");

    static DateRange read(PropertyDescriptor property, String key, String bound, String value, DateRange current) {
        if (bound != null && !bound.equals("from") && !bound.equals("to")) {
            throw FilterRefused.unknown(key);
        }
        Temporal from = current == null ? null : current.from;
        Temporal to = current == null ? null : current.to;
        try {
            if (bound == null) {
                return new DateRange(property, temporal(property, value, false), temporal(property, value, true));
            }
            return bound.equals("from")
                    ? new DateRange(property, temporal(property, value, false), to)
                    : new DateRange(property, from, temporal(property, value, true));
        } catch (ArithmeticException e) {
            throw FilterRefused.outOfRange(key, value);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw FilterRefused.notExpected("list.notice.notDate", key, value);
        }
    }

    private static Temporal temporal(PropertyDescriptor property, String value, boolean upperBound) {
        if (property.kind() == PropertyKind.DATE) {
            return date(value);
        }
        if (value.length() > 10) {
            return dateTime(value);
        }
        return upperBound
                ? date(value).plusDays(1).atStartOfDay().minusNanos(1000)
                : date(value).atStartOfDay();
    }

    private static LocalDate date(String value) {
        if (!DATE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a date");
        }
        return checkYear(LocalDate.parse(value));
    }

    private static LocalDateTime dateTime(String value) {
        if (!DATE_TIME.matcher(value).matches()) {
            throw new IllegalArgumentException("not a date and time");
        }
        LocalDateTime parsed = LocalDateTime.parse(value);
        checkYear(parsed.toLocalDate());
        return parsed;
    }

    private static LocalDate checkYear(LocalDate date) {
        if (date.getYear() < 1) {
            throw new ArithmeticException("out of range");
        }
        return date;
    }

    @Override
    public Object value() {
        return from;
    }

    /** A moment at the start of a day is written as the day; an upper bound at the end of a day, too. */
    @Override
    public Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (from != null) {
            parameters.put(name() + ".from", text(from));
        }
        if (to != null) {
            boolean endOfDay = to instanceof LocalDateTime dateTime
                    && dateTime.plusNanos(1000).toLocalTime().equals(LocalTime.MIDNIGHT);
            parameters.put(
                    name() + ".to",
                    endOfDay ? ((LocalDateTime) to).toLocalDate().toString() : text(to));
        }
        return parameters;
    }

    private static String text(Temporal value) {
        if (value instanceof LocalDateTime dateTime && dateTime.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return dateTime.toLocalDate().toString();
        }
        return value.toString();
    }

    @Override
    public List<Predicate> predicates(FilterQuery query) {
        return query.between(property, from, to);
    }
}
