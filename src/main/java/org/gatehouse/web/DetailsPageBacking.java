package org.gatehouse.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Comparator;
import java.util.List;
import org.gatehouse.audit.HistoryItem;
import org.gatehouse.i18n.Texts;
import org.gatehouse.metadata.AdminRegistry;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.Operation;
import org.gatehouse.metadata.PropertyDescriptor;
import org.gatehouse.persistence.BaseEntity;
import org.gatehouse.service.AccessChecks;
import org.gatehouse.service.EntityLookups;
import org.gatehouse.web.i18n.TextBean;

/**
 * The read-only page of one record, with Edit and a confirmed Delete ({@link DetailsDelete}) and its
 * history ({@link HistoryTexts}). The page is stateless: each request reads the record named in the URL.
 */
@Named("detailsPage")
@RequestScoped
public class DetailsPageBacking {

    private static final int HISTORY_LIMIT = 100;

    @Inject
    private AdminRegistry registry;

    @Inject
    private AccessChecks access;

    @Inject
    private EntityLookups lookups;

    @Inject
    private Formatter formatter;

    private String viewName;
    private Object entity;
    private List<HistoryItem> history = List.of();

    @PostConstruct
    void load() {
        FacesContext faces = FacesContext.getCurrentInstance();
        AdminView<?> view = AdminPages.permittedView(faces, registry, access, Operation.VIEW)
                .orElse(null);
        if (view == null) {
            return;
        }
        viewName = view.name();
        entity = lookups.find(view, AdminPages.path(faces).id()).orElse(null);
        if (entity == null) {
            AdminPages.notFound(faces);
            return;
        }
        history = lookups.history(view, getId(), HISTORY_LIMIT);
    }

    /** For the page's {@code f:viewAction}: the work is done when the bean is made. */
    public void check() {
        // load() ran already; a missing record or forbidden view has been answered
    }

    /** The record's audit entries, newest first. */
    public List<HistoryItem> getHistory() {
        return history;
    }

    /**
     * A postback naming the delete button, which is only rendered for those who may delete, is a
     * crafted request when the caller may not: answered 403 and recorded, not silently ignored.
     */
    public void guardPostback() {
        FacesContext faces = FacesContext.getCurrentInstance();
        var posted = faces.getExternalContext().getRequestParameterMap();
        if (viewName != null
                && (posted.containsKey("details:confirmDeleteYes") && !access.can(getView(), Operation.DELETE)
                        || posted.containsKey(RevertBacking.CONFIRM) && !access.can(getView(), Operation.EDIT))) {
            AdminPages.forbidden(faces);
        }
    }

    /** The record's id, as the address names it. */
    public String getId() {
        return entity == null ? null : String.valueOf(((BaseEntity) entity).getId());
    }

    /** A value of one of the record's properties as this page shows values. */
    public String display(Object value, PropertyDescriptor property) {
        return formatter.displayValue(value, property);
    }

    public AdminView<?> getView() {
        return viewName == null ? null : access.viewFor(registry.view(viewName).orElseThrow());
    }

    /** The properties in the form's order, the id first. */
    public List<PropertyDescriptor> getProperties() {
        List<String> form =
                getView().formFields().stream().map(PropertyDescriptor::name).toList();
        return getView().properties().values().stream()
                .sorted(Comparator.comparingInt(
                        p -> p.name().equals("id") ? -1 : form.indexOf(p.name()) < 0 ? 1000 : form.indexOf(p.name())))
                .toList();
    }

    public Object getEntity() {
        return entity;
    }

    public String getTitle() {
        return formatter.title(entity, getView());
    }

    /** "Order ORD-000123". */
    public String getHeading() {
        AdminView<?> view = getView();
        return view == null
                ? ""
                : TextBean.text("details.title", Texts.label(TextBean.locale(), view.singularLabel()), getTitle());
    }
}
