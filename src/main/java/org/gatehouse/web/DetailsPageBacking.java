package org.gatehouse.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.audit.HistoryItem;
import org.gatehouse.i18n.Texts;
import org.gatehouse.identity.StepUpRequiredException;
import org.gatehouse.metadata.AdminRegistry;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.Labels;
import org.gatehouse.metadata.Operation;
import org.gatehouse.metadata.PropertyDescriptor;
import org.gatehouse.metadata.PropertyKind;
import org.gatehouse.persistence.BaseEntity;
import org.gatehouse.service.ConflictException;
import org.gatehouse.service.DeleteCheck;
import org.gatehouse.service.EntityService;
import org.gatehouse.service.ForbiddenException;
import org.gatehouse.service.WriteException;
import org.gatehouse.web.i18n.TextBean;

/**
 * The read-only page of one record, with Edit and a confirmed Delete. The page is stateless:
 * each request reads the record named in the URL; Delete posts the version the page showed.
 * Delete is only offered when the service would carry it out: a record still in use where the
 * model does not cascade gets the explanation instead.
 */
@Named("detailsPage")
@RequestScoped
public class DetailsPageBacking {

    /** The request parameter with the version the page showed, posted by its Delete button. */
    static final String SHOWN_VERSION = "version";

    private static final int HISTORY_LIMIT = 100;

    /** The parts of a role's rules as its history records them (see {@link org.gatehouse.service.RuleEditor}). */
    private static final java.util.Map<String, String> RULE_FIELDS = java.util.Map.of("@view", "tab.rules.view",
            "@scope", "tab.rules.scope", "@hidden", "tab.rules.hidden", "@readOnly", "tab.rules.readOnly");

    @Inject
    private AdminRegistry registry;

    @Inject
    private EntityService service;

    @Inject
    private Formatter formatter;

    private String viewName;
    private Object entity;
    private DeleteCheck deleteCheck = DeleteCheck.NONE;
    private List<HistoryItem> history = List.of();

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
            deleteCheck = service.deleteCheck(view, List.of(id()));
        }
        history = service.history(view, id(), HISTORY_LIMIT);
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
        if (viewName != null && (posted.containsKey("details:confirmDeleteYes") && !service.can(getView(), Operation.DELETE)
                || posted.containsKey(RevertBacking.CONFIRM) && !service.can(getView(), Operation.EDIT))) {
            AdminPages.forbidden(faces);
        }
    }

    public void delete() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        AdminView<?> view = getView();
        try {
            service.delete(view, id(), shownVersion());
            faces.getExternalContext().getFlash().setKeepMessages(true);
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                    TextBean.text("details.deleted", formatter.singular(view), getTitle()), null));
            faces.getExternalContext().redirect(AdminPages.adminUrl(faces, view.name()));
        } catch (ConflictException e) {
            error(faces, e.getText().text(TextBean.locale()) + " " + TextBean.text("details.reload"));
        } catch (WriteException e) {
            error(faces, e.getText().text(TextBean.locale()));
        } catch (ForbiddenException e) {
            AdminPages.refused(faces);
        } catch (StepUpRequiredException e) {
            StepUpPrompt.ask(faces, "details:confirmDeleteYes");
        }
    }

    private static void error(FacesContext faces, String text) {
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    /** The version the page showed, as its Delete button posts it; a malformed one is a conflict. */
    private long shownVersion() {
        String posted = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get(SHOWN_VERSION);
        return posted != null && posted.matches("\\d{1,18}") ? Long.parseLong(posted) : -1;
    }

    private String id() {
        return String.valueOf(((BaseEntity) entity).getId());
    }

    /** The record's id, as the address names it. */
    public String getId() {
        return entity == null ? null : id();
    }

    /** A value of one of the record's properties as this page shows values. */
    public String display(Object value, PropertyDescriptor property) {
        return formatter.displayValue(value, property);
    }

    public AdminView<?> getView() {
        return viewName == null ? null : service.viewFor(registry.view(viewName).orElseThrow());
    }

    /** The properties in the form's order, the id first. */
    public List<PropertyDescriptor> getProperties() {
        List<String> form = getView().formFields().stream().map(PropertyDescriptor::name).toList();
        return getView().properties().values().stream()
                .sorted(Comparator.comparingInt(p -> p.name().equals("id") ? -1
                        : form.indexOf(p.name()) < 0 ? 1000 : form.indexOf(p.name()))).toList();
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
        return view == null ? "" : TextBean.text("details.title",
                Texts.label(TextBean.locale(), view.singularLabel()), getTitle());
    }

    /** What deleting the record would meet; whether Delete is offered at all. */
    public DeleteCheck getDeleteCheck() {
        return deleteCheck;
    }

    /** "12 orders": the records of one effect, for the delete dialog; empty when none. */
    public String usage(String effect) {
        return formatter.usages(deleteCheck.with(DeleteCheck.Effect.valueOf(effect)));
    }

    /** A changed field of the history as the reader knows it: by its label, not its property name. */
    public String fieldLabel(String field) {
        if (field.equals("@action")) {
            return TextBean.text("details.history.bulkAction");
        }
        if (field.equals(org.gatehouse.service.RecordHistory.REVERT_OF)) {
            return TextBean.text("revert.history.revertOf");
        }
        if (field.equals(org.gatehouse.service.RecordHistory.RESTORE_OF)) {
            return TextBean.text("revert.history.restoreOf");
        }
        if (field.equals(org.gatehouse.service.Trash.NOTE)) {
            return TextBean.text("trash.history.note");
        }
        if (RULE_FIELDS.containsKey(field)) {
            return TextBean.text(RULE_FIELDS.get(field));
        }
        if (field.equals(getView().passwordProperty()) || field.equals("password")) {
            return TextBean.text("form.password");
        }
        return getView().property(field).map(p -> Texts.label(TextBean.locale(), p.label())).orElse(field);
    }

    /**
     * A value of the history as the reader knows it. The trail keeps stable English words ("Yes",
     * {@code SHIPPED}); yes/no, enum constants, bulk actions and secrets read in the reader's language.
     */
    public String historyValue(String field, String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        if (field.equals("@view")) {
            return registry.view(value).map(v -> Texts.label(TextBean.locale(), v.label())).orElse(value);
        }
        if (field.equals(org.gatehouse.service.RecordHistory.REVERT_OF)
                || field.equals(org.gatehouse.service.RecordHistory.RESTORE_OF)) {
            return TextBean.text("revert.history.entry", value);
        }
        if (field.equals(org.gatehouse.service.Trash.NOTE)) {
            return TextBean.text("trash.history.entry", value);
        }
        if (field.equals("@action")) {
            return getView().action(value).map(a -> Texts.label(TextBean.locale(), a.label())).orElse(value);
        }
        if (AuditLog.CHANGED.equals(value) && (field.equals(getView().passwordProperty()) || field.equals("password"))) {
            return TextBean.text("details.history.secretChanged");
        }
        PropertyDescriptor property = getView().property(field).orElse(null);
        if (property != null && property.kind() == PropertyKind.BOOLEAN) {
            return value.equals("Yes") ? TextBean.text("common.yes") : value.equals("No") ? TextBean.text("common.no") : value;
        }
        if (property != null && property.kind() == PropertyKind.ENUM && property.choices().contains(value)) {
            Object constant = java.util.Arrays.stream(property.javaType().getEnumConstants())
                    .filter(c -> ((Enum<?>) c).name().equals(value)).findFirst().orElse(null);
            return constant == null ? value : Labels.enumLabel(TextBean.locale(), (Enum<?>) constant);
        }
        return value;
    }
}
