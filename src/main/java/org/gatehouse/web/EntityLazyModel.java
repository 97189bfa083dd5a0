package org.gatehouse.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.PropertyDescriptor;
import org.gatehouse.metadata.SortOrder;
import org.gatehouse.persistence.BaseEntity;
import org.gatehouse.service.EntityService;
import org.gatehouse.service.ListRequest;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * Feeds a PrimeFaces lazy table from the generic service, for one request. Paging and sorting
 * done in the table are written back into the {@link ListRequest}, whose query string then
 * becomes the page URL. Rows reach the table as {@link ListRow}s, their cells formatted here.
 */
public class EntityLazyModel<E> extends LazyDataModel<ListRow> {

    private static final long serialVersionUID = 1L;
    private static final Pattern ROW_KEY = Pattern.compile("(\\d{1,18})\\.(\\d{1,18})");

    private final transient EntityService service;
    private final transient Formatter formatter;
    private final transient AdminView<E> view;
    private final transient ListRequest request;
    private final transient Consumer<ListRequest> onChange;
    private final long total;

    /**
     * @param rows what the paginator works with: the list's count, exact or not, computed once
     */
    public EntityLazyModel(EntityService service, Formatter formatter, AdminView<E> view, ListRequest request, long rows,
            Consumer<ListRequest> onChange) {
        this.service = service;
        this.formatter = formatter;
        this.view = view;
        this.request = request;
        this.total = rows;
        this.onChange = onChange;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) Math.min(Integer.MAX_VALUE, total);
    }

    @Override
    public List<ListRow> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        String before = request.toQueryString();
        request.setSize(pageSize);
        request.setPage(first / Math.max(1, pageSize) + 1);
        if (!sortBy.isEmpty()) {
            List<SortOrder> orders = new ArrayList<>();
            sortBy.values().stream().sorted(Comparator.comparingInt(SortMeta::getPriority))
                    .forEach(meta -> orders.add(new SortOrder(meta.getField(),
                            meta.getOrder() == org.primefaces.model.SortOrder.DESCENDING)));
            request.setSort(SortOrder.format(orders));
        }
        if (!before.equals(request.toQueryString())) {
            onChange.accept(request);
        }
        List<PropertyDescriptor> columns = view.columns();
        return service.page(view, request).stream().map(entity -> {
            List<String> cells = new ArrayList<>(columns.size());
            columns.forEach(column -> cells.add(formatter.text(entity, column)));
            BaseEntity row = (BaseEntity) entity;
            return new ListRow(row.getId(), row.getVersion(), cells);
        }).toList();
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
        return key.matches() ? new ListRow(Long.parseLong(key.group(1)), Long.parseLong(key.group(2)), List.of()) : null;
    }
}
