package org.gatehouse.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import org.gatehouse.identity.StepUpRequiredException;
import org.gatehouse.metadata.AdminRegistry;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.Operation;
import org.gatehouse.metadata.PropertyDescriptor;
import org.gatehouse.persistence.BaseEntity;
import org.gatehouse.service.ConflictException;
import org.gatehouse.service.EntityService;
import org.gatehouse.service.ForbiddenException;
import org.gatehouse.service.WriteException;
import org.gatehouse.web.i18n.TextBean;
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
    private Formatter formatter;

    @Inject
    private FormConflict conflicts;

    @Inject
    private FormInputs inputs;

    private String viewName;
    private Object entity;
    private boolean creating;
    private final FormSecret secret = new FormSecret();
    private List<Difference> conflict;

    /** A field whose stored value differs from the one in the form; the label may be a bundle key. */
    public record Difference(String label, String theirs, String yours) implements Serializable {}

    /**
     * A posted value for a field the caller may not change (read-only for them, or a relation they
     * may not pick) has no input on the page: the postback is crafted. Answered 403 and recorded,
     * never silently dropped.
     */
    public void guardPostback() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (viewName != null
                && inputs.postsFixed(
                        getFields(),
                        faces.getExternalContext().getRequestParameterMap().keySet())) {
            AdminPages.forbidden(faces);
        }
    }

    public void load() {
        FacesContext faces = FacesContext.getCurrentInstance();
        AdminView<?> view = AdminPages.viewOrNotFound(faces, registry).orElse(null);
        if (view == null) {
            return;
        }
        viewName = view.name();
        AdminPath path = AdminPages.path(faces);
        creating = path.mode() == AdminPath.Mode.CREATE;
        if (creating ? !view.creatable() : !view.editable()) {
            AdminPages.notFound(faces);
            return;
        }
        if (!service.can(view, creating ? Operation.CREATE : Operation.EDIT)) {
            AdminPages.forbidden(faces);
            return;
        }
        entity = creating
                ? FormInputs.newRecord(view.type())
                : service.find(view, path.id()).orElse(null);
        if (entity == null) {
            AdminPages.notFound(faces);
        }
    }

    public void save() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        AdminView<Object> view = view();
        if (view.passwordProperty() != null && !secret.confirmed()) {
            refuse(
                    "form:passwordConfirmation",
                    TextBean.text(
                            "form.fieldMessage",
                            TextBean.text("form.password.confirm"),
                            TextBean.text("form.password.mismatch")));
            return;
        }
        try {
            String password = secret.getPassword();
            Object saved = creating ? service.create(view, entity, password) : service.update(view, entity, password);
            secret.saved();
            Messages.addFlashGlobalInfo(TextBean.text(
                    creating ? "form.created" : "form.saved", formatter.singular(view), formatter.title(saved, view)));
            faces.getExternalContext()
                    .redirect(AdminPages.adminUrl(faces, view.name() + "/" + ((BaseEntity) saved).getId()));
        } catch (WriteException e) {
            refuse(
                    e.getField() == null ? null : inputs.clientId(getFields(), e.getField()),
                    FormInputs.refusal(view, e.getField(), e.getText(), FormTexts.passwordLabel(creating)));
        } catch (ForbiddenException e) {
            AdminPages.refused(faces);
        } catch (StepUpRequiredException e) {
            // the typed passwords stay in their fields for the repeated save
            secret.awaitStepUp();
            StepUpPrompt.ask(faces, "form:save");
        } catch (ConflictException e) {
            conflict = e.isDeleted() ? List.of() : conflicts.differences(view, entity);
            refuse(null, conflicts.message(view, e));
        }
    }

    /** After a failed save the error summary takes the focus, so that it is read first. */
    public void focusErrors() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces.isPostback() && faces.isValidationFailed()) {
            org.primefaces.PrimeFaces.current()
                    .executeScript(
                            "var summary = document.getElementById('form:errorSummary'); if (summary) { summary.focus(); }");
        }
    }

    /** Throws away the edits and loads the stored record again. */
    public void reload() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getExternalContext()
                .redirect(AdminPages.adminUrl(faces, viewName + "/" + ((BaseEntity) entity).getId() + "/edit"));
    }

    @SuppressWarnings("unchecked")
    public AdminView<Object> view() {
        return service.viewFor((AdminView<Object>) registry.view(viewName).orElseThrow());
    }

    public AdminView<Object> getView() {
        return viewName == null ? null : view();
    }

    public List<PropertyDescriptor> getFields() {
        return view().formFields().stream()
                .filter(f -> !(creating && f.readOnly()))
                .toList();
    }

    /** An error at a field (or for the whole form, with a null client id); the save did not happen. */
    private static void refuse(String clientId, String text) {
        Messages.addError(clientId, text);
        Faces.validationFailed();
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

    public List<Difference> getConflict() {
        return conflict;
    }
}
