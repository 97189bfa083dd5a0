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
import org.gatehouse.metadata.SortOrder;
import org.gatehouse.service.EntityService;
import org.gatehouse.service.ListRequest;
import org.primefaces.PrimeFaces;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The list page of any admin view. Its state comes from the URL on GET and is written back to
 * the URL (history API) whenever the table pages or sorts by AJAX.
 */
@Named("listPage")
@ViewScoped
public class ListPageBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient AdminRegistry registry;

    @Inject
    private transient EntityService service;

    @Inject
    private transient FacesContext faces;

    private transient AdminView<?> view;
    private transient ListRequest request;
    private LazyDataModel<?> model;
    private long total;
    private List<Object> selection = new ArrayList<>();

    /** Runs before rendering on the initial GET ({@code f:viewAction}): an unknown view is a 404. */
    public void load() {
        view = AdminPages.viewOrNotFound(faces, registry).orElse(null);
        if (view == null) {
            return;
        }
        request = ListRequest.parse(view, faces.getExternalContext().getRequestParameterMap());
        total = service.count(view, request);
        request.clampPage(total);
        request.notices().forEach(notice ->
                faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, notice, null)));
        model = createModel(view);
    }

    private <E> LazyDataModel<E> createModel(AdminView<E> typed) {
        return new EntityLazyModel<>(service, typed, request, changed ->
                PrimeFaces.current().executeScript("Gatehouse.pushState(" + jsString(url()) + ");"));
    }

    static String jsString(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'").replace("<", "\\x3C") + "'";
    }

    /** The canonical URL of the current list state. */
    public String url() {
        String query = request.toQueryString();
        return AdminPages.adminUrl(faces, view.name()) + (query.isEmpty() ? "" : "?" + query);
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

    public ListRequest getRequest() {
        return request;
    }

    public LazyDataModel<?> getModel() {
        return model;
    }

    public long getTotal() {
        return total;
    }

    public int getFirst() {
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
