package org.gatehouse.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.SortOrder;
import org.gatehouse.service.EntityService;
import org.gatehouse.service.ListRequest;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * Feeds a PrimeFaces lazy table from the generic service. Paging and sorting done in the table
 * are written back into the {@link ListRequest}, whose query string then becomes the page URL.
 */
public class EntityLazyModel<E> extends LazyDataModel<E> {

    private static final long serialVersionUID = 1L;

    private final transient EntityService service;
    // the page bean keeps the model out of its serialized state and rebuilds it, so these need not travel
    private final transient AdminView<E> view;
    private final transient ListRequest request;
    private final transient Consumer<ListRequest> onChange;
    private final long total;

    /**
     * @param rows what the paginator works with: the list's count, exact or not, computed once
     */
    public EntityLazyModel(EntityService service, AdminView<E> view, ListRequest request, long rows,
            Consumer<ListRequest> onChange) {
        this.service = service;
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
    public List<E> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
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
        return service.page(view, request);
    }

    @Override
    public String getRowKey(E row) {
        return String.valueOf(((org.gatehouse.persistence.BaseEntity) row).getId());
    }

    /**
     * A selected row is the one shown on the page, with the version it was shown at; it is not
     * read again, so a bulk action on a row someone changed meanwhile becomes a conflict.
     */
    @Override
    public E getRowData(String rowKey) {
        List<E> shown = getWrappedData();
        return shown == null ? null : shown.stream().filter(row -> getRowKey(row).equals(rowKey)).findFirst()
                .orElse(null);
    }
}
