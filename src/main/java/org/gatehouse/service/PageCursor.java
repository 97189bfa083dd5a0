package org.gatehouse.service;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.PropertyAccess;
import org.gatehouse.metadata.PropertyDescriptor;
import org.gatehouse.metadata.PropertyKind;
import org.gatehouse.metadata.SortOrder;

/**
 * A position in a sorted list, for keyset paging: the sort-key values and the id of one row, and
 * whether the page wanted lies after that row (Next) or before it (Previous). The database then
 * seeks to the row through the sort's index instead of counting past every row before it, so
 * paging onwards from page 25,000 costs what paging from page 1 does.
 * <p>
 * In URLs it is {@code after=…} or {@code before=…}, an opaque URL-safe text. Only sorts whose
 * keys are never null and not relations can be sought this way; other sorts page by offset.
 */
public record PageCursor(boolean after, List<Object> values) {

    private static final String SEPARATOR = ",";
    private static final int MAX_LENGTH = 2_000;

    /** Whether a list in this order can be paged by position. */
    static boolean usable(AdminView<?> view, List<SortOrder> sort) {
        return sort.stream()
                .map(order -> view.properties().get(order.property()))
                .allMatch(property -> property != null
                        && property.required()
                        && !property.isRelation()
                        && property.kind() != PropertyKind.LONG_TEXT);
    }

    /** The cursor of one row of the list: its sort-key values, then its id. */
    static String of(AdminView<?> view, List<SortOrder> sort, Object row, Object id) {
        List<String> texts = new ArrayList<>();
        texts.add(SortOrder.format(sort));
        for (SortOrder order : sort) {
            texts.add(text(PropertyAccess.get(row, order.property())));
        }
        texts.add(String.valueOf(id));
        return encode(texts);
    }

    /** Each text URL-encoded (so no separator is left in it), joined, then Base64: opaque and URL-safe. */
    private static String encode(List<String> texts) {
        String joined = String.join(
                SEPARATOR,
                texts.stream()
                        .map(text -> URLEncoder.encode(text, StandardCharsets.UTF_8))
                        .toList());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        // instants as UTC date-times, the form list filters read them in
        if (value instanceof OffsetDateTime dateTime) {
            return dateTime.withOffsetSameInstant(ZoneOffset.UTC)
                    .toLocalDateTime()
                    .toString();
        }
        if (value instanceof Instant instant) {
            return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).toString();
        }
        return value instanceof Enum<?> constant ? constant.name() : String.valueOf(value);
    }

    /**
     * Reads a cursor from its URL text for a list in the given order.
     *
     * @throws IllegalArgumentException when the text is not a cursor of this order
     */
    static PageCursor parse(AdminView<?> view, List<SortOrder> sort, boolean after, String text) {
        if (text.length() > MAX_LENGTH || !usable(view, sort)) {
            throw new IllegalArgumentException("not a cursor of this list");
        }
        String[] texts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split(SEPARATOR, -1);
        // the order it was written for comes first: a position in another order means nothing
        if (texts.length != sort.size() + 2
                || !URLDecoder.decode(texts[0], StandardCharsets.UTF_8).equals(SortOrder.format(sort))) {
            throw new IllegalArgumentException("not a cursor of this list");
        }
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < sort.size(); i++) {
            PropertyDescriptor property = view.properties().get(sort.get(i).property());
            String value = URLDecoder.decode(texts[i + 1], StandardCharsets.UTF_8);
            if (value.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("NUL"); // no stored value holds one, and SQL refuses it
            }
            // text keys as they are: the filter conversion would shorten a long one
            values.add(
                    property.kind() == PropertyKind.TEXT
                            ? value
                            : Filter.read(property, property.name(), null, value, null)
                                    .value());
        }
        values.add(Long.valueOf(URLDecoder.decode(texts[sort.size() + 1], StandardCharsets.UTF_8)));
        return new PageCursor(after, List.copyOf(values));
    }

    /** The URL text of this cursor, for a list in the given order. */
    String text(List<SortOrder> sort) {
        List<String> texts = new ArrayList<>();
        texts.add(SortOrder.format(sort));
        values.forEach(value -> texts.add(text(value)));
        return encode(texts);
    }
}
