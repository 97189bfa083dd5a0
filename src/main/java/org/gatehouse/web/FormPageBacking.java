package org.gatehouse.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.gatehouse.identity.StepUpRequiredException;
import org.gatehouse.metadata.AdminRegistry;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.PropertyDescriptor;
import org.gatehouse.persistence.BaseEntity;
import org.gatehouse.service.AccessChecks;
import org.gatehouse.service.ConflictException;
import org.gatehouse.service.EntityLookups;
import org.gatehouse.service.EntityService;
import org.gatehouse.service.ForbiddenException;
import org.gatehouse.service.WriteException;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * The create and edit form of any admin view. The record is edited as a detached copy that
 * keeps the version it was loaded with, so a save over someone else's change becomes a conflict
 * shown side by side, never an overwrite.
 */
@Named("formPage")
@ViewScoped
public class FormPageBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private AdminRegistry registry;

    @Inject
    private EntityService service;

    @Inject
    private AccessChecks access;

    @Inject
    private EntityLookups lookups;

    @Inject
    private FormTexts texts;

    @Inject
    private FormConflict conflict;

    @Inject
    private FormInputs inputs;

    private String viewName;
    private Object entity;
    private boolean creating;
    private final FormSecret secret = new FormSecret();

    /**
     * A posted value for a field the caller may not change (read-only for them, or a relation they
     * may not pick) has no input on the page: the postback is crafted. Answered 403 and recorded,
     * never silently dropped.
     */
    public void guardPostback() {
        if (viewName != null
                && inputs.postsFixed(getFields(), Faces.getRequestParameterMap().keySet())) {
            AdminPages.forbidden(Faces.getContext());
        }
    }

    public void load() {
        FacesContext faces = Faces.getContext();
        AdminView<?> view = AdminPages.viewOrNotFound(faces, registry).orElse(null);
        if (view != null) {
            viewName = view.name();
            creating = AdminPages.path(faces).mode() == AdminPath.Mode.CREATE;
            entity = FormRecords.open(faces, access, lookups, view, AdminPages.path(faces))
                    .orElse(null);
        }
    }

    public void save() {
        AdminView<Object> view = getView();
        if (!secret.confirmedFor(view)) {
            return;
        }
        try {
            String password = secret.getPassword();
            Object saved = creating ? service.create(view, entity, password) : service.update(view, entity, password);
            secret.saved();
            Messages.addFlashGlobalInfo(texts.saved(saved));
            Faces.redirect("admin/%s/%s", view.name(), ((BaseEntity) saved).getId());
        } catch (WriteException e) {
            inputs.refuse(view, getFields(), e, FormTexts.passwordLabel(creating));
        } catch (ForbiddenException e) {
            AdminPages.refused(Faces.getContext());
        } catch (StepUpRequiredException e) {
            // the typed passwords stay in their fields for the repeated save
            secret.awaitStepUp();
            StepUpPrompt.ask(Faces.getContext(), "form:save");
        } catch (ConflictException e) {
            conflict.show(view, entity, e);
        }
    }

    /** The view as the caller sees it; null before {@link #load} found one. */
    @SuppressWarnings("unchecked")
    public AdminView<Object> getView() {
        return viewName == null
                ? null
                : access.viewFor((AdminView<Object>) registry.view(viewName).orElseThrow());
    }

    public List<PropertyDescriptor> getFields() {
        return getView().formFields().stream()
                .filter(f -> !(creating && f.readOnly()))
                .toList();
    }

    public Object getEntity() {
        return entity;
    }

    public boolean isCreating() {
        return creating;
    }

    /** The new secret and its confirmation, as typed. */
    public FormSecret getSecret() {
        return secret;
    }
}
