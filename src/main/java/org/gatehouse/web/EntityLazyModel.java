package org.gatehouse.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.PropertyDescriptor;
import org.gatehouse.metadata.SortOrder;
import org.gatehouse.persistence.BaseEntity;
import org.gatehouse.service.EntityLists;
import org.gatehouse.service.ListRequest;
import org.gatehouse.web.i18n.TextBean;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * Feeds a PrimeFaces lazy table from the generic service, for one request. Paging and sorting
 * done in the table make a changed {@link ListRequest}, which the page is told of and whose
 * query string then becomes the page URL. Rows reach the table as {@link ListRow}s, their cells
 * formatted here in
 * the reader's language ({@link ListCells}).
 */
public class EntityLazyModel<E> extends LazyDataModel<ListRow> {

    private static final long serialVersionUID = 1L;
    private static final Pattern ROW_KEY = Pattern.compile("(\\d{1,18})\\.(\\d{1,18})");

    private final transient EntityLists lists;
    private final transient Formatter formatter;
    private final transient ListCells cells;
    private final transient AdminView<E> view;
    private transient ListRequest request;
    /** Told of the request each load shows. */
    private final transient Consumer<ListRequest> onLoad;

    private final long total;
    private final Positions posted;
    private String next;
    private String previous;

    /**
     * The cursors of the first and last row of the page a postback came from, as that page's form
     * posts them: Next and Previous seek from them instead of counting rows (see
     * {@link org.gatehouse.service.PageCursor}).
     */
    public record Positions(String previous, String next) {

        /** The names of the form fields that carry them. */
        public static final String PREVIOUS = "position.previous";

        public static final String NEXT = "position.next";
    }

    /**
     * @param rows what the paginator works with: the list's count, exact or not, computed once
     */
    public EntityLazyModel(
            EntityLists lists,
            Formatter formatter,
            ListCells cells,
            AdminView<E> view,
            ListRequest request,
            long rows,
            Positions posted,
            Consumer<ListRequest> onLoad) {
        this.posted = posted;
        this.lists = lists;
        this.formatter = formatter;
        this.cells = cells;
        this.view = view;
        this.request = request;
        this.total = rows;
        this.onLoad = onLoad;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) Math.min(Integer.MAX_VALUE, total);
    }

    @Override
    public List<ListRow> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        int page = request.page();
        int size = request.size();
        List<SortOrder> sort = request.sort();
        ListRequest shown = request.withSize(pageSize).withPage(first / Math.max(1, pageSize) + 1);
        if (!sortBy.isEmpty()) {
            List<SortOrder> orders = new ArrayList<>();
            sortBy.values().stream()
                    .sorted(Comparator.comparingInt(SortMeta::getPriority))
                    .forEach(meta -> orders.add(new SortOrder(
                            meta.getField(), meta.getOrder() == org.primefaces.model.SortOrder.DESCENDING)));
            shown = shown.withSort(SortOrder.format(orders));
        }
        if (shown.size() == size && shown.sort().equals(sort) && shown.cursor() == null) {
            if (shown.page() == page + 1 && posted.next() != null) {
                shown = shown.seeking(page + 1, posted.next(), true).orElse(shown);
            } else if (shown.page() == page - 1 && page > 2 && posted.previous() != null) {
                shown = shown.seeking(page - 1, posted.previous(), false).orElse(shown);
            }
        }
        request = shown;
        onLoad.accept(request);
        List<E> entities = lists.page(view, request);
        previous =
                entities.isEmpty() ? null : request.cursorOf(entities.get(0), ((BaseEntity) entities.get(0)).getId());
        next = entities.isEmpty()
                ? null
                : request.cursorOf(
                        entities.get(entities.size() - 1), ((BaseEntity) entities.get(entities.size() - 1)).getId());
        List<PropertyDescriptor> columns = view.columns();
        Locale locale = TextBean.locale();
        return entities.stream()
                .map(entity -> {
                    List<ListCell> row = new ArrayList<>(columns.size());
                    columns.forEach(column -> row.add(cells.cell(entity, column, locale)));
                    BaseEntity base = (BaseEntity) entity;
                    return new ListRow(base.getId(), base.getVersion(), formatter.title(entity, view), row);
                })
                .toList();
    }

    /** The cursor of the page's first row, for Previous; {@code null} when the order cannot be sought. */
    public String getPrevious() {
        return previous;
    }

    /** The cursor of the page's last row, for Next. */
    public String getNext() {
        return next;
    }

    @Override
    public String getRowKey(ListRow row) {
        return row.getKey();
    }

    /**
     * A selected row, as its posted key names it: the id and the version the user saw, which is
     * all a bulk operation needs (it reads each row again, checks the caller may change it, and
     * turns a row changed or deleted since into a conflict). Keys of another form select nothing.
     */
    @Override
    public ListRow getRowData(String rowKey) {
        Matcher key = ROW_KEY.matcher(rowKey == null ? "" : rowKey);
        return key.matches()
                ? new ListRow(Long.parseLong(key.group(1)), Long.parseLong(key.group(2)), null, List.of())
                : null;
    }
}
