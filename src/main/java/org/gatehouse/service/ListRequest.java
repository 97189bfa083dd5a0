package org.gatehouse.service;

import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.gatehouse.i18n.Message;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.SortOrder;

/**
 * The state of a list page, an immutable value: page (1-based), page size, sort, global search,
 * one {@link Filter} per filtered property, and for a page reached by Next or Previous the row it
 * starts after or ends before ({@link PageCursor}). A changed state is a new request
 * ({@link #withPage}, {@link #withSort}, {@link #seeking}). It is read from URL parameters by
 * {@link #parse}, which never fails: bad parameters are dropped and described in the notices
 * returned beside the request. The web layer writes it back as a URL.
 */
public final class ListRequest {

    public static final int MAX_SEARCH_LENGTH = 200;
    /** The last page number accepted, so that an offset of any page size stays a positive int. */
    static final int MAX_PAGE = 10_000_000;

    private final AdminView<?> view;
    private final int page;
    private final int size;
    private final List<SortOrder> sort;
    private final String search;
    private final Map<String, Filter> filters;
    /** Where the page starts or ends when reached by Next or Previous; {@code null}: by its number. */
    private final PageCursor cursor;

    ListRequest(
            AdminView<?> view,
            int page,
            int size,
            List<SortOrder> sort,
            String search,
            Map<String, Filter> filters,
            PageCursor cursor) {
        this.view = view;
        this.page = page;
        this.size = size;
        this.sort = List.copyOf(sort);
        this.search = search;
        this.filters = Collections.unmodifiableMap(new LinkedHashMap<>(filters));
        this.cursor = cursor;
    }

    /**
     * A request read from URL parameters, and what was wrong with them and has been ignored, as
     * messages the page puts into the reader's language.
     */
    public record Parsed(ListRequest request, List<Message> notices) {

        public Parsed {
            notices = List.copyOf(notices);
        }

        /** The same notices beside a changed request. */
        public Parsed map(UnaryOperator<ListRequest> change) {
            return new Parsed(change.apply(request), notices);
        }

        /** Moves to the last page when the requested one lies beyond the end, with a notice saying so. */
        public Parsed clampedTo(long total) {
            int last = request.lastPage(total);
            if (request.page <= last) {
                return this;
            }
            List<Message> more = new ArrayList<>(notices);
            more.add(Message.of("list.notice.beyondEnd", request.page, last));
            return new Parsed(request.withPage(last), more);
        }
    }

    public static ListRequest defaults(AdminView<?> view) {
        return new ListRequest(view, 1, view.defaultPageSize(), view.defaultSort(), null, Map.of(), null);
    }

    /** Reads {@code page}, {@code size}, {@code sort}, {@code q}, the filters and {@code after}/{@code before}. */
    public static Parsed parse(AdminView<?> view, Map<String, String> parameters) {
        return new ListRequestParser(view).parse(parameters);
    }

    /** This list on another page, found by its number (a position it was reached by no longer applies). */
    public ListRequest withPage(int page) {
        int chosen = Math.min(MAX_PAGE, Math.max(1, page));
        return chosen == this.page ? this : new ListRequest(view, chosen, size, sort, search, filters, null);
    }

    /** This list with another of the view's page sizes; any other size changes nothing. */
    public ListRequest withSize(int size) {
        return view.pageSizes().contains(size) && size != this.size
                ? new ListRequest(view, page, size, sort, search, filters, null)
                : this;
    }

    /** This list in another order ({@code -total,name}); keys the table cannot sort by are dropped. */
    public ListRequest withSort(String spec) {
        List<SortOrder> chosen = ListRequestParser.sort(view, spec, notice -> {});
        return chosen.equals(sort) ? this : new ListRequest(view, page, size, chosen, search, filters, null);
    }

    /**
     * This list as the page that starts after (or ends before) the row a cursor names, as Next and
     * Previous reach it; empty when the cursor does not fit the list's order.
     */
    public Optional<ListRequest> seeking(int page, String cursorText, boolean after) {
        try {
            PageCursor position = PageCursor.parse(view, sort, after, cursorText);
            int chosen = Math.min(MAX_PAGE, Math.max(1, page));
            return Optional.of(new ListRequest(view, chosen, size, sort, search, filters, position));
        } catch (IllegalArgumentException | ArithmeticException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The same request on its last page when this one lies beyond the end of {@code total} rows. */
    public ListRequest clampedTo(long total) {
        return page > lastPage(total) ? withPage(lastPage(total)) : this;
    }

    /** The last page of a list of {@code total} rows (1 for none). */
    public int lastPage(long total) {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    /** The cursor of a row shown in this list, or {@code null} when the list's order cannot be sought. */
    public String cursorOf(Object row, Object id) {
        return PageCursor.usable(view, sort) ? PageCursor.of(view, sort, row, id) : null;
    }

    /** The position the page was reached by, or {@code null} when it is found by its number. */
    public PageCursor cursor() {
        return cursor;
    }

    /** The position as its URL text, or {@code null}. */
    public String cursorText() {
        return cursor == null ? null : cursor.text(sort);
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

    /** By property name, in the order the URL named them. */
    public Map<String, Filter> filters() {
        return filters;
    }

    /** Whether a search or a filter narrows the list. */
    public boolean isNarrowed() {
        return search != null || !filters.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ListRequest that
                && view == that.view
                && page == that.page
                && size == that.size
                && sort.equals(that.sort)
                && Objects.equals(search, that.search)
                && filters.equals(that.filters)
                && Objects.equals(cursor, that.cursor);
    }

    @Override
    public int hashCode() {
        return Objects.hash(view.name(), page, size, sort, search, filters, cursor);
    }

    @Override
    public String toString() {
        return view.name() + "[page " + page + ", size " + size + ", sort " + SortOrder.format(sort)
                + (search == null ? "" : ", q " + search) + ", filters " + filters.keySet()
                + (cursor == null ? "" : ", " + (cursor.after() ? "after" : "before") + " a row") + "]";
    }
}
