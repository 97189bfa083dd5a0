package org.gatehouse.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;
import org.gatehouse.audit.HistoryItem;
import org.gatehouse.metadata.AdminRegistry;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.PropertyDescriptor;
import org.gatehouse.persistence.BaseEntity;
import org.gatehouse.metadata.Operation;
import org.gatehouse.service.ConflictException;
import org.gatehouse.service.ForbiddenException;
import org.gatehouse.service.EntityService;
import org.gatehouse.service.WriteException;

/**
 * The read-only page of one record, with Edit and a confirmed Delete. The page is stateless:
 * each request reads the record named in the URL; Delete posts the version the page showed.
 */
@Named("detailsPage")
@RequestScoped
public class DetailsPageBacking {

    /** The request parameter with the version the page showed, posted by its Delete button. */
    static final String SHOWN_VERSION = "version";

    @Inject
    private AdminRegistry registry;

    @Inject
    private EntityService service;

    @Inject
    private Formatter formatter;

    private String viewName;
    private Object entity;
    private List<String> usage = List.of();
    private List<HistoryItem> history = List.of();

    private static final int HISTORY_LIMIT = 100;

    @PostConstruct
    void load() {
        FacesContext faces = FacesContext.getCurrentInstance();
        AdminView<?> view = AdminPages.permittedView(faces, registry, service, Operation.VIEW).orElse(null);
        if (view == null) {
            return;
        }
        viewName = view.name();
        entity = service.find(view, AdminPages.path(faces).id()).orElse(null);
        if (entity == null) {
            AdminPages.notFound(faces);
            return;
        }
        if (service.can(view, Operation.DELETE)) {
            usage = service.usage(view, id());
        }
        history = service.history(view, id(), HISTORY_LIMIT).stream().map(HistoryItem::of).toList();
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
        if (viewName != null && faces.getExternalContext().getRequestParameterMap().containsKey("details:confirmDeleteYes")
                && !service.can(getView(), Operation.DELETE)) {
            AdminPages.forbidden(faces);
        }
    }

    public void delete() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        AdminView<?> view = getView();
        try {
            service.delete(view, id(), shownVersion());
            faces.getExternalContext().getFlash().setKeepMessages(true);
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Deleted "
                    + view.singularLabel().toLowerCase() + " \"" + getTitle() + "\".", null));
            faces.getExternalContext().redirect(AdminPages.adminUrl(faces, view.name()));
        } catch (ConflictException | WriteException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage()
                    + (e instanceof ConflictException ? " Reload the page to see the latest version." : ""), null));
        } catch (ForbiddenException e) {
            AdminPages.refused(faces);
        } catch (org.gatehouse.identity.StepUpRequiredException e) {
            StepUpPrompt.ask(faces, "details:confirmDeleteYes");
        }
    }

    /** The version the page showed, as its Delete button posts it; a malformed one is a conflict. */
    private long shownVersion() {
        String posted = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get(SHOWN_VERSION);
        return posted != null && posted.matches("\\d{1,18}") ? Long.parseLong(posted) : -1;
    }

    private String id() {
        return String.valueOf(((BaseEntity) entity).getId());
    }

    public AdminView<?> getView() {
        return viewName == null ? null : registry.view(viewName).orElseThrow();
    }

    public List<PropertyDescriptor> getProperties() {
        return List.copyOf(getView().properties().values()).stream()
                .sorted(java.util.Comparator.comparingInt(p -> order(p))).toList();
    }

    private int order(PropertyDescriptor property) {
        List<String> form = getView().formFields().stream().map(PropertyDescriptor::name).toList();
        int index = form.indexOf(property.name());
        return property.name().equals("id") ? -1 : index < 0 ? 1000 : index;
    }

    public Object getEntity() {
        return entity;
    }

    public String getTitle() {
        return formatter.title(entity, getView());
    }

    /** "Deleting it also affects: 3 users" — what still points at the record. */
    public List<String> getUsage() {
        return usage;
    }
}
