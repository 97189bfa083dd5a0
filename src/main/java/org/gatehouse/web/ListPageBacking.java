package org.gatehouse.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.gatehouse.metadata.AdminRegistry;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.PropertyDescriptor;
import org.gatehouse.metadata.SortOrder;
import org.gatehouse.persistence.BaseEntity;
import org.gatehouse.metadata.Operation;
import org.gatehouse.service.ConflictException;
import org.gatehouse.service.ForbiddenException;
import org.gatehouse.service.WriteException;
import org.gatehouse.service.EntityService;
import org.gatehouse.service.ListRequest;
import org.primefaces.PrimeFaces;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The list page of any admin view. Its state comes from the URL on GET and is written back to
 * the URL (history API) whenever the table pages or sorts by AJAX. What the bean keeps between
 * requests is serializable (the list state as its query string, the count, the selection), so a
 * replicated session carries it to another node, where the rest is rebuilt on first use.
 */
@Named("listPage")
@ViewScoped
public class ListPageBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private AdminRegistry registry;

    @Inject
    private EntityService service;

    @Inject
    private FacesContext faces;

    private static final int FILTER_CHOICE_LIMIT = 200;

    @Inject
    private Formatter formatter;

    private String viewName;
    private transient AdminView<?> view;
    private final java.util.Map<String, List<Choice>> relationChoices = new java.util.HashMap<>();
    private List<String> deleteUsage = new ArrayList<>();
    private transient ListRequest request;
    /** The list state as URL query, what {@link #request} is rebuilt from after deserialization. */
    private String query = "";
    private transient LazyDataModel<?> model;
    private org.gatehouse.service.ListCount count;
    private List<Object> selection = new ArrayList<>();

    /** Runs before rendering on the initial GET ({@code f:viewAction}): unknown is 404, not allowed 403. */
    public void load() {
        view = AdminPages.permittedView(faces, registry, service, Operation.VIEW).orElse(null);
        if (view == null) {
            return;
        }
        viewName = view.name();
        request = ListRequest.parse(view, faces.getExternalContext().getRequestParameterMap());
        count = service.listCount(view, request);
        if (count.exact()) {
            request.clampPage(count.value());
        }
        request.notices().forEach(notice ->
                faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, notice, null)));
        query = request.toQueryString();
        model = createModel(view);
        for (PropertyDescriptor filter : view.filters()) {
            AdminView<?> related = filter.isRelation() ? registry.viewOf(filter.javaType()).orElse(null) : null;
            // a select for small related tables; big ones (read from the cheap count) get an id field
            if (related != null && service.can(related, Operation.VIEW) && smallTable(related)) {
                List<Object> rows = new ArrayList<>(service.suggest(filter.javaType(), filter.relatedLabel(), null,
                        FILTER_CHOICE_LIMIT + 1));
                if (rows.size() <= FILTER_CHOICE_LIMIT) {
                    relationChoices.put(filter.name(), rows.stream()
                            .map(row -> new Choice(String.valueOf(((BaseEntity) row).getId()),
                                    formatter.label(row, filter))).toList());
                }
            }
        }
    }

    private boolean smallTable(AdminView<?> related) {
        var size = service.listCount(related, ListRequest.defaults(related));
        return size.exact() && size.value() <= FILTER_CHOICE_LIMIT;
    }

    /** An option of a filter select: the URL value and what the person reads. */
    public record Choice(String value, String label) implements Serializable {
    }

    /** Options of a relation filter, or {@code null} when the related table is too big for a select. */
    public List<Choice> relationChoices(PropertyDescriptor filter) {
        return relationChoices.get(filter.name());
    }

    /**
     * Bulk buttons are only rendered for those who may use them; a postback naming one anyway is
     * a crafted request: answered 403 and recorded, not silently ignored.
     */
    public void guardPostback() {
        FacesContext context = FacesContext.getCurrentInstance();
        if (viewName == null) {
            return;
        }
        AdminView<?> current = view();
        java.util.Map<String, String> parameters = context.getExternalContext().getRequestParameterMap();
        if (!isPaging(current, parameters.get("list:table_rows"), parameters.get("list:table_first"))) {
            AdminPages.badRequest(context, "crafted paging parameters");
            return;
        }
        boolean mayDelete = service.can(current, Operation.DELETE);
        boolean mayRunAnAction = current.actions().stream()
                .anyMatch(a -> current.allowsAction(a.name(), context.getExternalContext()::isUserInRole));
        for (String name : context.getExternalContext().getRequestParameterMap().keySet()) {
            boolean delete = name.equals("list:deleteSelected") || name.equals("list:confirmDeleteSelected");
            boolean action = name.startsWith("list:") && name.endsWith(":action");
            if (delete && !mayDelete || action && !mayRunAnAction) {
                AdminPages.forbidden(context);
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
        deleteUsage = new ArrayList<>();
        if (selection.isEmpty()) {
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN,
                    "Select the rows to delete first.", null));
            PrimeFaces.current().ajax().addCallbackParam("nothingSelected", true);
            return;
        }
        for (Object row : selection) {
            deleteUsage.addAll(service.usage(view(), String.valueOf(((BaseEntity) row).getId())));
        }
    }

    public void deleteSelected() {
        FacesContext context = FacesContext.getCurrentInstance();
        try {
            int deleted = service.deleteAll(view(), selectedIds());
            context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Deleted " + deleted + " "
                    + (deleted == 1 ? view().singularLabel() : view().label()).toLowerCase() + ".", null));
            selection = new ArrayList<>();
        } catch (ConflictException | WriteException e) {
            context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage()
                    + " Nothing was deleted.", null));
        } catch (ForbiddenException e) {
            AdminPages.refused(context);
        }
    }

    public void runAction(String name) {
        FacesContext context = FacesContext.getCurrentInstance();
        if (selection.isEmpty()) {
            context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, "Select rows first.", null));
            return;
        }
        try {
            int changed = service.runAction(view(), name, selectedIds());
            String label = view().action(name).map(a -> a.label()).orElse(name);
            context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, label + ": " + changed + " "
                    + (changed == 1 ? view().singularLabel() : view().label()).toLowerCase() + " updated.", null));
            selection = new ArrayList<>();
        } catch (ConflictException | WriteException e) {
            context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage()
                    + " Nothing was changed.", null));
        } catch (ForbiddenException e) {
            AdminPages.refused(context);
        }
    }

    /** The selected rows with the versions they were shown at, so stale rows become conflicts. */
    private java.util.Map<String, Long> selectedIds() {
        java.util.Map<String, Long> versions = new java.util.LinkedHashMap<>();
        selection.forEach(row -> versions.put(String.valueOf(((BaseEntity) row).getId()), ((BaseEntity) row).getVersion()));
        return versions;
    }

    private AdminView<?> view() {
        restore();
        return view;
    }

    /** Rebuilds what is not serialized when the bean arrives from another node's session. */
    private void restore() {
        if (request == null && viewName != null) {
            view = registry.view(viewName).orElseThrow();
            request = ListRequest.fromQueryString(view, query);
            model = createModel(view);
        }
    }

    /** The current filters as URL parameters, kept by the search form. */
    public List<java.util.Map.Entry<String, String>> getFilterParams() {
        restore();
        return List.copyOf(request.filterParameters().entrySet());
    }

    public List<String> getDeleteUsage() {
        return deleteUsage;
    }

    /** The export of the current state; the page's script keeps its query in step with the address bar. */
    public String getExportUrl() {
        restore();
        return AdminPages.adminUrl(faces, view.name() + "/export.csv") + (query.isEmpty() ? "" : "?" + query);
    }

    private <E> LazyDataModel<E> createModel(AdminView<E> typed) {
        // an inexact count still lets the user page one step past the known rows
        long rows = count.exact() ? count.value() : count.value() + 1;
        return new EntityLazyModel<>(service, typed, request, rows, changed -> {
            query = changed.toQueryString();
            PrimeFaces.current().executeScript("Gatehouse.pushState(" + jsString(url()) + ");");
        });
    }

    static String jsString(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'").replace("<", "\\x3C") + "'";
    }

    /** The canonical URL of the current list state. */
    public String url() {
        restore();
        return AdminPages.adminUrl(faces, view.name()) + (query.isEmpty() ? "" : "?" + query);
    }

    public List<SortMeta> getInitialSort() {
        restore();
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
        restore();
        return view;
    }

    public ListRequest getRequest() {
        restore();
        return request;
    }

    public LazyDataModel<?> getModel() {
        restore();
        return model;
    }


    /** "243 orders", "about 1,000,000 orders", "more than 10,000 orders". */
    public String getCountText() {
        String noun = (count.exact() && count.value() == 1 ? view().singularLabel() : view().label()).toLowerCase();
        return count.describe() + " " + noun;
    }

    public int getFirst() {
        restore();
        return request.offset();
    }

    /** The current value of a URL parameter, for the filter and search forms. */
    public String param(String name) {
        String value = faces.getExternalContext().getRequestParameterMap().get(name);
        return value == null ? "" : value;
    }

    public List<Object> getSelection() {
        return selection;
    }

    public void setSelection(List<Object> selection) {
        this.selection = selection;
    }
}
