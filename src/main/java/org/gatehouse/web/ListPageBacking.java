package org.gatehouse.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gatehouse.metadata.AdminRegistry;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.Operation;
import org.gatehouse.metadata.PropertyDescriptor;
import org.gatehouse.metadata.SortOrder;
import org.gatehouse.persistence.BaseEntity;
import org.gatehouse.service.ConflictException;
import org.gatehouse.service.EntityService;
import org.gatehouse.service.ForbiddenException;
import org.gatehouse.service.ListCount;
import org.gatehouse.service.ListRequest;
import org.gatehouse.service.WriteException;
import org.primefaces.PrimeFaces;
import org.primefaces.model.SortMeta;

/**
 * The list page of any admin view. The page is stateless: every request, GET or postback,
 * rebuilds the list state from the URL (a postback goes to the address the page shows, which the
 * page's script keeps in step with AJAX paging and sorting), and AJAX paging and sorting write the
 * new state back to the address bar.
 */
@Named("listPage")
@RequestScoped
public class ListPageBacking {

    private static final int FILTER_CHOICE_LIMIT = 200;
    /** The table's client id, and the prefix of its columns' keys (ids set in the page). */
    private static final String TABLE = "list:table";

    @Inject
    private AdminRegistry registry;

    @Inject
    private EntityService service;

    @Inject
    private FacesContext faces;

    @Inject
    private Formatter formatter;

    private AdminView<?> view;
    private ListRequest request;
    private ListCount count;
    private EntityLazyModel<?> model;
    private Map<String, List<Choice>> relationChoices;
    private List<String> deleteUsage = List.of();
    private List<ListRow> selection = new ArrayList<>();

    /** Unknown view is 404, not allowed 403; otherwise the list state of the URL and its count. */
    @PostConstruct
    void load() {
        view = AdminPages.permittedView(faces, registry, service, Operation.VIEW).orElse(null);
        if (view == null) {
            return;
        }
        request = ListRequest.fromQueryString(view, AdminPages.query(faces));
        String arrivedAt = request.toQueryString();
        if (faces.isPostback()) {
            applyPostedSort();
            Map<String, String> parameters = faces.getExternalContext().getRequestParameterMap();
            if (parameters.containsKey(TABLE + "_pagination") || parameters.containsKey(TABLE + "_sorting")) {
                // the new page's edge rows, for the next Next or Previous (asked for before the table renders)
                PrimeFaces.current().ajax().update("list:positions");
            }
        }
        count = service.listCount(view, request);
        if (count.exact()) {
            request.clampPage(count.value());
        }
        if (!faces.isPostback()) {
            request.notices().forEach(notice ->
                    faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, notice, null)));
        }
        model = createModel(view, arrivedAt);
    }

    /**
     * A click on a column header, as the table posts it (column keys and directions). The table
     * of a stateless page has no sort of its own between requests: it takes the sort from the
     * list state, so the new sort goes there, and the list starts again at page 1.
     */
    private void applyPostedSort() {
        Map<String, String> parameters = faces.getExternalContext().getRequestParameterMap();
        if (!"true".equals(parameters.get(TABLE + "_sorting"))) {
            return;
        }
        String[] keys = parameters.getOrDefault(TABLE + "_sortKey", "").split(",");
        String[] directions = parameters.getOrDefault(TABLE + "_sortDir", "").split(",");
        List<SortOrder> orders = new ArrayList<>();
        for (int i = 0; i < keys.length && i < directions.length; i++) {
            String property = columnOf(keys[i]);
            boolean ascending = directions[i].equals("1");
            if (property != null && (ascending || directions[i].equals("-1"))) {
                orders.add(new SortOrder(property, !ascending));
            }
        }
        request.setSort(SortOrder.format(orders));
        request.setPage(1);
    }

    /** The property of a column key of the table ({@code list:table:first}, {@code list:table:columns:2}). */
    private String columnOf(String key) {
        if (key.equals(TABLE + ":first")) {
            return view.columns().get(0).name();
        }
        String prefix = TABLE + ":columns:";
        if (key.startsWith(prefix) && key.substring(prefix.length()).matches("\\d{1,3}")) {
            int index = Integer.parseInt(key.substring(prefix.length())) + 1;
            return index < view.columns().size() ? view.columns().get(index).name() : null;
        }
        return null;
    }

    /** For the page's {@code f:viewAction}: the work is done when the bean is made. */
    public void check() {
        // load() ran already; a missing or forbidden view has been answered
    }

    /** An option of a filter select: the URL value and what the person reads. */
    public record Choice(String value, String label) {
    }

    /**
     * Options of a relation filter, or {@code null} when the related table is too big for a
     * select (read from its cheap count) or not the caller's to see. Read when the filter form
     * is rendered, never for AJAX paging.
     */
    public List<Choice> relationChoices(PropertyDescriptor filter) {
        if (relationChoices == null) {
            relationChoices = new HashMap<>();
            for (PropertyDescriptor each : view.filters()) {
                AdminView<?> related = each.isRelation() ? registry.viewOf(each.javaType()).orElse(null) : null;
                if (related != null && service.can(related, Operation.VIEW) && smallTable(related)) {
                    List<Object> rows = new ArrayList<>(service.suggest(each.javaType(), each.relatedLabel(), null,
                            FILTER_CHOICE_LIMIT + 1));
                    if (rows.size() <= FILTER_CHOICE_LIMIT) {
                        relationChoices.put(each.name(), rows.stream().map(row -> new Choice(
                                String.valueOf(((BaseEntity) row).getId()), formatter.label(row, each))).toList());
                    }
                }
            }
        }
        return relationChoices.get(filter.name());
    }

    private boolean smallTable(AdminView<?> related) {
        var size = service.listCount(related, ListRequest.defaults(related));
        return size.exact() && size.value() <= FILTER_CHOICE_LIMIT;
    }

    /**
     * Bulk buttons are only rendered for those who may use them; a postback naming one anyway is
     * a crafted request: answered 403 and recorded, not silently ignored.
     */
    public void guardPostback() {
        if (view == null) {
            return;
        }
        Map<String, String> parameters = faces.getExternalContext().getRequestParameterMap();
        if (!isPaging(view, parameters.get("list:table_rows"), parameters.get("list:table_first"))) {
            AdminPages.badRequest(faces, "crafted paging parameters");
            return;
        }
        boolean mayDelete = service.can(view, Operation.DELETE);
        boolean mayRunAnAction = view.actions().stream()
                .anyMatch(a -> view.allowsAction(a.name(), faces.getExternalContext()::isUserInRole));
        for (String name : parameters.keySet()) {
            boolean delete = name.equals("list:deleteSelected") || name.equals("list:confirmDeleteSelected");
            boolean action = name.startsWith("list:") && name.endsWith(":action");
            if (delete && !mayDelete || action && !mayRunAnAction) {
                AdminPages.forbidden(faces);
                return;
            }
        }
    }

    /** Paging the table can send: one of the view's page sizes and a non-negative offset within reach. */
    static boolean isPaging(AdminView<?> view, String rows, String first) {
        boolean rowsOk = rows == null || rows.matches("\\d{1,4}") && view.pageSizes().contains(Integer.valueOf(rows));
        boolean firstOk = first == null || first.matches("\\d{1,9}");
        return rowsOk && firstOk;
    }

    /** Computes what deleting the selection affects, for the confirmation dialog. */
    public void prepareDelete() {
        if (selection.isEmpty()) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, "Select the rows to delete first.", null));
            PrimeFaces.current().ajax().addCallbackParam("nothingSelected", true);
            return;
        }
        List<String> usage = new ArrayList<>();
        for (ListRow row : selection) {
            usage.addAll(service.usage(view, String.valueOf(row.getId())));
        }
        deleteUsage = usage;
    }

    public void deleteSelected() {
        if (selection.isEmpty()) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, "Select the rows to delete first.", null));
            return;
        }
        try {
            int deleted = service.deleteAll(view, selectedIds());
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Deleted " + deleted + " " + noun(deleted) + ".", null));
            selection = new ArrayList<>();
        } catch (ConflictException | WriteException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage() + " Nothing was deleted.", null));
        } catch (ForbiddenException e) {
            AdminPages.refused(faces);
        }
    }

    public void runAction(String name) {
        if (selection.isEmpty()) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, "Select rows first.", null));
            return;
        }
        try {
            int changed = service.runAction(view, name, selectedIds());
            String label = view.action(name).map(a -> a.label()).orElse(name);
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, label + ": " + changed + " " + noun(changed) + " updated.", null));
            selection = new ArrayList<>();
        } catch (ConflictException | WriteException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage() + " Nothing was changed.", null));
        } catch (ForbiddenException e) {
            AdminPages.refused(faces);
        }
    }

    private String noun(int rows) {
        return (rows == 1 ? view.singularLabel() : view.label()).toLowerCase();
    }

    /** The selected rows with the versions they were shown at, so stale rows become conflicts. */
    private Map<String, Long> selectedIds() {
        Map<String, Long> versions = new LinkedHashMap<>();
        selection.forEach(row -> versions.put(String.valueOf(row.getId()), row.getVersion()));
        return versions;
    }

    /** The current filters as URL parameters, kept by the search form. */
    public List<Map.Entry<String, String>> getFilterParams() {
        return List.copyOf(request.filterParameters().entrySet());
    }

    public List<String> getDeleteUsage() {
        return deleteUsage;
    }

    /** The export of the current state; the page's script keeps its query in step with the address bar. */
    public String getExportUrl() {
        return url(view.name() + "/export.csv");
    }

    private <E> EntityLazyModel<E> createModel(AdminView<E> typed, String arrivedAt) {
        // an inexact count still lets the user page one step past the known rows
        long rows = count.exact() ? count.value() : count.value() + 1;
        Map<String, String> parameters = faces.getExternalContext().getRequestParameterMap();
        var posted = new EntityLazyModel.Positions(blankAsNull(parameters.get(EntityLazyModel.Positions.PREVIOUS)),
                blankAsNull(parameters.get(EntityLazyModel.Positions.NEXT)));
        return new EntityLazyModel<>(service, formatter, typed, request, rows, arrivedAt, posted, changed ->
                PrimeFaces.current().executeScript("Gatehouse.pushState(" + jsString(url(view.name())) + ");"));
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    static String jsString(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'").replace("<", "\\x3C") + "'";
    }

    /** An admin address with the current list state as its query. */
    private String url(String path) {
        String query = request.toQueryString();
        return AdminPages.adminUrl(faces, path) + (query.isEmpty() ? "" : "?" + query);
    }

    public List<SortMeta> getInitialSort() {
        List<SortMeta> sort = new ArrayList<>();
        int priority = 0;
        for (SortOrder order : request.sort()) {
            sort.add(SortMeta.builder().field(order.property()).priority(priority++)
                    .order(order.descending() ? org.primefaces.model.SortOrder.DESCENDING
                            : org.primefaces.model.SortOrder.ASCENDING).build());
        }
        return sort;
    }

    public AdminView<?> getView() {
        return view;
    }

    /** The column the record link is in. */
    public PropertyDescriptor getFirstColumn() {
        return view.columns().get(0);
    }

    /** The columns after the first. */
    public List<PropertyDescriptor> getOtherColumns() {
        return view.columns().subList(1, view.columns().size());
    }

    public ListRequest getRequest() {
        return request;
    }

    public EntityLazyModel<?> getModel() {
        return model;
    }

    /** "243 orders", "about 1,000,000 orders", "more than 10,000 orders". */
    public String getCountText() {
        return count.describe() + " " + (count.exact() && count.value() == 1 ? view.singularLabel() : view.label()).toLowerCase();
    }

    public int getFirst() {
        return request.offset();
    }

    /** The current value of a URL parameter, for the filter and search forms. */
    public String param(String name) {
        String value = faces.getExternalContext().getRequestParameterMap().get(name);
        return value == null ? "" : value;
    }

    public List<ListRow> getSelection() {
        return selection;
    }

    public void setSelection(List<ListRow> selection) {
        this.selection = selection;
    }
}
