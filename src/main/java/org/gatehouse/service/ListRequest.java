package org.gatehouse.service;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.gatehouse.i18n.Message;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.PropertyDescriptor;
import org.gatehouse.metadata.PlainText;
import org.gatehouse.metadata.PropertyKind;
import org.gatehouse.metadata.SortOrder;

/**
 * The state of a list page as it appears in its URL: {@code page} (1-based), {@code size},
 * {@code sort} ({@code -field} for descending, comma-separated), {@code q} (global search) and one
 * parameter per filter ({@code status=SHIPPED}, {@code active=true}, {@code customer=42},
 * {@code createdAt.from=2026-01-01&createdAt.to=2026-02-01}), and for a page reached by Next or
 * Previous the row it starts after or ends before ({@code after=…}, {@code before=…}, see
 * {@link PageCursor}). Bad parameters never fail the page: they are dropped and described in
 * {@link #notices()}, as messages the page puts into the reader's language.
 */
public final class ListRequest {

    public static final int MAX_SEARCH_LENGTH = 200;
    /** The last page number accepted, so that an offset of any page size stays a positive int. */
    static final int MAX_PAGE = 10_000_000;

    private final AdminView<?> view;
    private int page = 1;
    private int size;
    private List<SortOrder> sort;
    private String search;
    private final Map<String, Filter> filters = new LinkedHashMap<>();
    private final List<Message> notices = new ArrayList<>();
    /** Where the page starts or ends when reached by Next or Previous; {@code null}: by its number. */
    private PageCursor cursor;

    private ListRequest(AdminView<?> view) {
        this.view = view;
        this.size = view.defaultPageSize();
        this.sort = view.defaultSort();
    }

    public static ListRequest defaults(AdminView<?> view) {
        return new ListRequest(view);
    }

    public static ListRequest parse(AdminView<?> view, Map<String, String> parameters) {
        ListRequest request = new ListRequest(view);
        Map<String, String> positions = new LinkedHashMap<>();
        parameters.forEach((key, value) -> {
            if (value == null || value.isBlank()) {
                return;
            }
            if (PlainText.hasForbiddenCharacters(key, false) || PlainText.hasForbiddenCharacters(value, false)) {
                // never echo such a value back: a notice names the parameter only when it is printable
                request.notices.add(PlainText.hasForbiddenCharacters(key, false)
                        ? Message.of("list.notice.controlParameter")
                        : Message.of("list.notice.controlValue", shorten(key)));
                return;
            }
            String trimmed = value.strip();
            switch (key) {
                case "page" -> request.parsePage(trimmed);
                case "size" -> request.parseSize(trimmed);
                case "sort" -> request.setSort(trimmed);
                case "q" -> request.setSearch(trimmed);
                case "after", "before" -> positions.put(key, trimmed);
                default -> request.parseFilter(key, trimmed);
            }
        });
        if (positions.size() > 1) {
            request.notices.add(Message.of("list.notice.twoPositions"));
        } else {
            // after the sort is known: a position is one in the list's order
            positions.forEach((key, value) -> {
                if (!request.seek(request.page, value, key.equals("after"))) {
                    request.notices.add(Message.of("list.notice.position", request.page));
                }
            });
        }
        return request;
    }

    /**
     * Makes this the page that starts after (or ends before) the row a cursor names, as Next and
     * Previous reach it; a cursor that does not fit the list's order changes nothing.
     *
     * @return whether the cursor was taken
     */
    public boolean seek(int page, String cursorText, boolean after) {
        try {
            PageCursor position = PageCursor.parse(view, sort, after, cursorText);
            setPage(page);
            cursor = position;
            return true;
        } catch (IllegalArgumentException | ArithmeticException | DateTimeParseException e) {
            return false;
        }
    }

    /** The cursor of a row shown in this list, or {@code null} when the list's order cannot be sought. */
    public String cursorOf(Object row, Object id) {
        return PageCursor.usable(view, sort) ? PageCursor.of(view, sort, row, id) : null;
    }

    /** The position the page was reached by, or {@code null} when it is found by its number. */
    public PageCursor cursor() {
        return cursor;
    }

    private void parsePage(String value) {
        Integer number = parseInt(value);
        if (number == null || number < 1 || number > MAX_PAGE) {
            notices.add(Message.of("list.notice.page", shorten(value)));
        } else {
            page = number;
        }
    }

    private void parseSize(String value) {
        Integer number = parseInt(value);
        if (number == null || !view.pageSizes().contains(number)) {
            String sizes = String.join(", ", view.pageSizes().stream().map(String::valueOf).toList());
            notices.add(Message.of("list.notice.size", shorten(value), sizes, size));
        } else {
            size = number;
        }
    }

    /** Replaces the sort; unknown or unsortable keys are dropped with a notice. */
    public void setSort(String spec) {
        List<SortOrder> accepted = new ArrayList<>();
        for (SortOrder order : SortOrder.parseAll(spec)) {
            PropertyDescriptor property = view.properties().get(order.property());
            // only a sortable column of the table: the table can show no other order
            if (property == null || !property.sortable() || !view.columns().contains(property)) {
                notices.add(Message.of("list.notice.sort", shorten(order.property())));
            } else if (accepted.stream().noneMatch(o -> o.property().equals(order.property()))) {
                accepted.add(order);
            }
        }
        List<SortOrder> chosen = accepted.isEmpty() ? view.defaultSort() : List.copyOf(accepted);
        if (!chosen.equals(sort)) {
            cursor = null;
        }
        sort = chosen;
    }

    public void setSearch(String text) {
        if (text == null || text.isBlank()) {
            search = null;
        } else if (view.searchable().isEmpty()) {
            notices.add(Message.of("list.notice.noSearch"));
        } else {
            String stripped = text.strip();
            search = stripped.length() > MAX_SEARCH_LENGTH ? stripped.substring(0, MAX_SEARCH_LENGTH) : stripped;
        }
    }

    private void parseFilter(String key, String value) {
        int dot = key.lastIndexOf('.');
        String name = dot < 0 ? key : key.substring(0, dot);
        String bound = dot < 0 ? null : key.substring(dot + 1);
        PropertyDescriptor property = view.properties().get(name);
        if (property == null || !property.filterable()) {
            notices.add(Message.of("list.notice.unknownFilter", shorten(key)));
            return;
        }
        boolean ranged = property.kind().isNumber() || property.kind().isTemporal();
        if (bound != null && !(ranged && (bound.equals("from") || bound.equals("to")))) {
            notices.add(Message.of("list.notice.unknownFilter", shorten(key)));
            return;
        }
        Object typed;
        try {
            typed = convert(property, value, "to".equals(bound));
        } catch (ArithmeticException e) {
            notices.add(Message.of("list.notice.outOfRange", key, shorten(value)));
            return;
        } catch (IllegalArgumentException | DateTimeParseException e) {
            notices.add(notExpected(property.kind(), key, shorten(value)));
            return;
        }
        Filter current = filters.get(name);
        Object equal = current == null ? null : current.equal();
        Object from = current == null ? null : current.from();
        Object to = current == null ? null : current.to();
        if (bound == null) {
            if (ranged) {
                from = typed;
                to = convert(property, value, true);
            } else {
                equal = typed;
            }
        } else if (bound.equals("from")) {
            from = typed;
        } else {
            to = typed;
        }
        filters.put(name, new Filter(property, equal, from, to));
    }

    /** A URL value as the property's type. An upper date bound covers the whole day it names. */
    static Object convert(PropertyDescriptor property, String value, boolean upperBound) {
        return switch (property.kind()) {
            case TEXT, LONG_TEXT -> value.length() > MAX_SEARCH_LENGTH ? value.substring(0, MAX_SEARCH_LENGTH) : value;
            case BOOLEAN -> switch (value.toLowerCase()) {
                case "true", "yes", "1" -> Boolean.TRUE;
                case "false", "no", "0" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException(value);
            };
            case ENUM -> {
                for (String choice : property.choices()) {
                    if (choice.equalsIgnoreCase(value)) {
                        yield choice;
                    }
                }
                throw new IllegalArgumentException(value);
            }
            case INTEGER -> inRange(Long.valueOf(value), property.javaType());
            case DECIMAL -> decimal(value);
            case DATE -> date(value);
            case DATE_TIME -> value.length() <= 10
                    ? (upperBound ? date(value).plusDays(1).atStartOfDay().minusNanos(1000) : date(value).atStartOfDay())
                    : dateTime(value);
            case TO_ONE, TO_MANY -> Long.valueOf(value);
        };
    }

    /** Whole numbers beyond what the attribute's type holds would wrap around: refused instead. */
    private static Long inRange(Long number, Class<?> type) {
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

    private static final java.util.regex.Pattern DATE = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final java.util.regex.Pattern DATE_TIME = java.util.regex.Pattern
            .compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?");

    /** Four-digit years from 0001 only: every database stores them, none overflows. */
    private static LocalDate date(String value) {
        if (!DATE.matcher(value).matches()) {
            throw new IllegalArgumentException(value);
        }
        return checkYear(LocalDate.parse(value));
    }

    private static LocalDateTime dateTime(String value) {
        if (!DATE_TIME.matcher(value).matches()) {
            throw new IllegalArgumentException(value);
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

    /** A value as a notice quotes it: never more than 40 characters (plain ASCII dots, as pages are). */
    private static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "..." : value;
    }

    /** "Filter 'total.from': 'ten' is not a number; that filter was ignored." */
    private static Message notExpected(PropertyKind kind, String key, String value) {
        return switch (kind) {
            case BOOLEAN -> Message.of("list.notice.notBoolean", key, value);
            case ENUM -> Message.of("list.notice.notChoice", key, value);
            case INTEGER, TO_ONE, TO_MANY -> Message.of("list.notice.notWholeNumber", key, value);
            case DECIMAL -> Message.of("list.notice.notNumber", key, value);
            case DATE, DATE_TIME -> Message.of("list.notice.notDate", key, value);
            default -> Message.of("list.notice.notValid", key, value);
        };
    }

    private static Integer parseInt(String value) {
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Moves to the last page when the requested one lies beyond the end. */
    public void clampPage(long total) {
        int last = (int) Math.max(1, (total + size - 1) / size);
        if (page > last) {
            notices.add(Message.of("list.notice.beyondEnd", page, last));
            page = last;
            cursor = null;
        }
    }

    /** Goes to a page by its number (a position it was reached by no longer applies). */
    public void setPage(int page) {
        int chosen = Math.min(MAX_PAGE, Math.max(1, page));
        if (chosen != this.page) {
            cursor = null;
        }
        this.page = chosen;
    }

    public void setSize(int size) {
        if (view.pageSizes().contains(size) && size != this.size) {
            this.size = size;
            cursor = null;
        }
    }

    public AdminView<?> view() {
        return view;
    }

    public int page() {
        return page;
    }

    public int size() {
        return size;
    }

    public int offset() {
        return (page - 1) * size;
    }

    public List<SortOrder> sort() {
        return sort;
    }

    public String search() {
        return search;
    }

    public Map<String, Filter> filters() {
        return filters;
    }

    /** What was wrong with the parameters and has been ignored, for the page to show. */
    public List<Message> notices() {
        return notices;
    }

    /** The request a {@link #toQueryString()} describes. */
    public static ListRequest fromQueryString(AdminView<?> view, String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                parameters.put(java.net.URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return parse(view, parameters);
    }

    /** The canonical query string for this state, leaving out defaults. */
    public String toQueryString() {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (page > 1) {
            parameters.put("page", Integer.toString(page));
        }
        if (cursor != null) {
            parameters.put(cursor.after() ? "after" : "before", cursor.text(sort));
        }
        parameters.putAll(viewParameters());
        if (search != null) {
            parameters.put("q", search);
        }
        parameters.putAll(filterParameters());
        return query(parameters);
    }

    /**
     * Where removing the search ({@code q}) or one filter parameter (such as {@code total.from})
     * leads: the same size, sort, search and filters without it, from the first page.
     */
    public String toQueryStringWithout(String parameter) {
        Map<String, String> parameters = new LinkedHashMap<>(viewParameters());
        if (search != null) {
            parameters.put("q", search);
        }
        parameters.putAll(filterParameters());
        parameters.remove(parameter);
        return query(parameters);
    }

    /** The list with the same size and sort, without search and filters, from the first page. */
    public String toQueryStringWithoutSearchAndFilters() {
        return query(viewParameters());
    }

    /** Whether a search or a filter narrows the list. */
    public boolean isNarrowed() {
        return search != null || !filters.isEmpty();
    }

    /** Page size and sort, when they are not the view's defaults. */
    private Map<String, String> viewParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (size != view.defaultPageSize()) {
            parameters.put("size", Integer.toString(size));
        }
        if (!sort.equals(view.defaultSort())) {
            parameters.put("sort", SortOrder.format(sort));
        }
        return parameters;
    }

    private static String query(Map<String, String> parameters) {
        StringBuilder query = new StringBuilder();
        parameters.forEach((key, value) -> query.append(query.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(key, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return query.toString();
    }

    /** The filters alone, as URL parameters. */
    public Map<String, String> filterParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        filters.values().forEach(filter -> {
            String name = filter.name();
            Function<Object, String> text = ListRequest::format;
            if (filter.equal() != null) {
                parameters.put(name, text.apply(filter.equal()));
            }
            if (filter.from() != null) {
                parameters.put(name + ".from", text.apply(filter.from()));
            }
            if (filter.to() != null) {
                parameters.put(name + ".to", formatUpper(filter.to()));
            }
        });
        return parameters;
    }

    private static String format(Object value) {
        if (value instanceof LocalDateTime dateTime && dateTime.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)) {
            return dateTime.toLocalDate().toString();
        }
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : String.valueOf(value);
    }

    private static String formatUpper(Object value) {
        if (value instanceof LocalDateTime dateTime && dateTime.plusNanos(1000).toLocalTime()
                .equals(java.time.LocalTime.MIDNIGHT)) {
            return dateTime.toLocalDate().toString();
        }
        return format(value);
    }
}
