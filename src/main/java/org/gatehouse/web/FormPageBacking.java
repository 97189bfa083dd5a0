package org.gatehouse.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.i18n.Message;
import org.gatehouse.i18n.Texts;
import org.gatehouse.identity.StepUpRequiredException;
import org.gatehouse.metadata.AdminRegistry;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.Operation;
import org.gatehouse.metadata.PropertyAccess;
import org.gatehouse.metadata.PropertyDescriptor;
import org.gatehouse.persistence.BaseEntity;
import org.gatehouse.service.ConflictException;
import org.gatehouse.service.EntityService;
import org.gatehouse.service.ForbiddenException;
import org.gatehouse.service.WriteException;
import org.gatehouse.web.i18n.TextBean;
import org.gatehouse.web.i18n.When;

/**
 * The create and edit form of any admin view. The record is edited as a detached copy that
 * keeps the version it was loaded with, so a save over someone else's change becomes a conflict
 * shown side by side, never an overwrite.
 */
@Named("formPage")
@ViewScoped
public class FormPageBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int CHOICE_LIMIT = 200;

    @Inject
    private AdminRegistry registry;

    @Inject
    private EntityService service;

    @Inject
    private Formatter formatter;

    @Inject
    private AuditLog audit;

    @Inject
    private When when;

    private String viewName;
    private Object entity;
    private boolean creating;
    private String password;
    private String passwordConfirmation;
    private boolean stepUpPending;
    private List<Difference> conflict;
    private final Map<String, List<Object>> choices = new HashMap<>();
    private final Map<String, Boolean> pickable = new HashMap<>();

    /** A field whose stored value differs from the one in the form; the label may be a bundle key. */
    public record Difference(String label, String theirs, String yours) implements Serializable {
    }

    /**
     * A posted value for a field the caller may not change (read-only for them, or a relation they
     * may not pick) has no input on the page: the postback is crafted. Answered 403 and recorded,
     * never silently dropped.
     */
    public void guardPostback() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (viewName == null) {
            return;
        }
        java.util.Set<String> posted = faces.getExternalContext().getRequestParameterMap().keySet();
        List<PropertyDescriptor> fields = getFields();
        for (int i = 0; i < fields.size(); i++) {
            String prefix = "form:fields:" + i + ":";
            if (fixed(fields.get(i)) && posted.stream().anyMatch(name -> name.startsWith(prefix))) {
                AdminPages.forbidden(faces);
                return;
            }
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
        entity = creating ? newInstance(view.type()) : service.find(view, path.id()).orElse(null);
        if (entity == null) {
            AdminPages.notFound(faces);
        }
    }

    private static Object newInstance(Class<?> type) {
        try {
            var constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type.getName() + " needs a no-argument constructor", e);
        }
    }

    public void save() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        AdminView<Object> view = view();
        if (view.passwordProperty() != null && !Objects.equals(nullToEmpty(password), nullToEmpty(passwordConfirmation))) {
            faces.addMessage("form:passwordConfirmation", error(TextBean.text("form.fieldMessage",
                    TextBean.text("form.password.confirm"), TextBean.text("form.password.mismatch"))));
            faces.validationFailed();
            return;
        }
        try {
            Object saved = creating ? service.create(view, entity, password) : service.update(view, entity, password);
            password = null;
            passwordConfirmation = null;
            faces.getExternalContext().getFlash().setKeepMessages(true);
            String noun = formatter.singular(view);
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, creating
                    ? TextBean.text("form.created", noun, formatter.title(saved, view))
                    : TextBean.text("form.saved", noun, formatter.title(saved, view)), null));
            faces.getExternalContext().redirect(AdminPages.adminUrl(faces,
                    view.name() + "/" + ((BaseEntity) saved).getId()));
        } catch (WriteException e) {
            String clientId = e.getField() == null ? null : fieldClientId(e.getField());
            faces.addMessage(clientId, error(refusal(view, e.getField(), e.getText())));
            faces.validationFailed();
        } catch (ForbiddenException e) {
            AdminPages.refused(faces);
        } catch (StepUpRequiredException e) {
            // the typed passwords stay in their fields for the repeated save
            stepUpPending = true;
            StepUpPrompt.ask(faces, "form:save");
        } catch (ConflictException e) {
            conflict = e.isDeleted() ? List.of() : differences(view);
            List<String> sentences = new ArrayList<>();
            sentences.add(e.getText().text(TextBean.locale()));
            audit.latest(view.type().getSimpleName(), e.getId()).ifPresent(entry -> sentences.add(TextBean.text(
                    "form.conflict.lastChange", entry.getActor() == null ? TextBean.text("form.conflict.unknownUser")
                            : entry.getActor(), when.relative(entry.getAt()))));
            if (!e.isDeleted()) {
                sentences.add(TextBean.text("form.conflict.notSaved"));
            }
            faces.addMessage(null, error(String.join(" ", sentences)));
            faces.validationFailed();
        }
    }

    /**
     * A refusal of the service as the form says it: "Label: what to do." at its field, or a whole
     * sentence as it is (for the whole record, or a rule's own sentence such as a password rule's).
     */
    private String refusal(AdminView<?> view, String field, Message text) {
        String words = text.text(TextBean.locale());
        if (field == null || words.isEmpty() || Character.isUpperCase(words.charAt(0))) {
            // a whole sentence stands on its own; "what to do" gets the field's label before it
            return words;
        }
        String label = field.equals("password") ? getPasswordLabel()
                : view.property(field).map(p -> Texts.label(TextBean.locale(), p.label())).orElse(field);
        return TextBean.text("form.fieldMessage", label, words);
    }

    private String fieldClientId(String field) {
        if (field.equals("password")) {
            return "form:password";
        }
        List<PropertyDescriptor> fields = getFields();
        int index = fields.stream().map(PropertyDescriptor::name).toList().indexOf(field);
        return index < 0 || fixed(fields.get(index)) ? null : "form:fields:" + index + ":" + inputId(fields.get(index));
    }

    /** The id of the one input a field's kind renders, for its label and message. */
    public String inputId(PropertyDescriptor field) {
        return switch (field.kind()) {
            case LONG_TEXT -> "textarea";
            case BOOLEAN -> "checkbox";
            case ENUM -> "select";
            case TO_ONE -> "autocomplete";
            case TO_MANY -> "multiselect";
            case DATE, DATE_TIME -> "datetime";
            default -> "input";
        };
    }

    /** After a failed save the error summary takes the focus, so that it is read first. */
    public void focusErrors() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces.isPostback() && faces.isValidationFailed()) {
            org.primefaces.PrimeFaces.current().executeScript(
                    "var summary = document.getElementById('form:errorSummary'); if (summary) { summary.focus(); }");
        }
    }

    private List<Difference> differences(AdminView<Object> view) {
        Object current = service.find(view, String.valueOf(((BaseEntity) entity).getId())).orElse(null);
        List<Difference> differences = new ArrayList<>();
        if (current == null) {
            return differences;
        }
        for (PropertyDescriptor field : view.formFields()) {
            String theirs = formatter.displayValue(PropertyAccess.get(current, field.name()), field);
            String yours = formatter.displayValue(PropertyAccess.get(entity, field.name()), field);
            if (!theirs.equals(yours)) {
                differences.add(new Difference(field.label(), theirs, yours));
            }
        }
        return differences;
    }

    /** Throws away the edits and loads the stored record again. */
    public void reload() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getExternalContext().redirect(AdminPages.adminUrl(faces,
                viewName + "/" + ((BaseEntity) entity).getId() + "/edit"));
    }

    /** Suggestions for a to-one picker; the component names its property in the "field" attribute. */
    public List<Object> complete(String query) {
        UIComponent component = UIComponent.getCurrentComponent(FacesContext.getCurrentInstance());
        PropertyDescriptor field = (PropertyDescriptor) component.getAttributes().get("field");
        return new ArrayList<>(service.suggest(field.javaType(), field.relatedLabel(), query, 15));
    }

    /**
     * Every record a to-many field may hold; such fields are meant for small tables (roles, tags).
     * Read once per view: Faces evaluates this for rendering, decoding and validation alike.
     */
    public List<Object> choices(PropertyDescriptor field) {
        return choices.computeIfAbsent(field.name(), name ->
                new ArrayList<>(service.suggest(field.javaType(), field.relatedLabel(), null, CHOICE_LIMIT)));
    }

    /**
     * Whether a field is shown as text instead of an input: read-only fields, and relations to a
     * view the caller may not read (no picker can list its records; the record keeps its value).
     */
    public boolean fixed(PropertyDescriptor field) {
        if (field.readOnly()) {
            return true;
        }
        return field.isRelation() && !pickable.computeIfAbsent(field.name(), name -> registry.viewOf(field.javaType())
                .map(related -> service.can(related, Operation.VIEW)).orElse(false));
    }

    public List<Object> enumChoices(PropertyDescriptor field) {
        return List.of(field.javaType().getEnumConstants());
    }

    @SuppressWarnings("unchecked")
    public AdminView<Object> view() {
        return service.viewFor((AdminView<Object>) registry.view(viewName).orElseThrow());
    }

    public AdminView<Object> getView() {
        return viewName == null ? null : view();
    }

    public List<PropertyDescriptor> getFields() {
        return view().formFields().stream().filter(f -> !(creating && f.readOnly())).toList();
    }

    private static FacesMessage error(String text) {
        return new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    public Object getEntity() {
        return entity;
    }

    public boolean isCreating() {
        return creating;
    }

    /** The record's name for breadcrumbs, or "New order" while creating. */
    public String getTitle() {
        return creating ? getHeading() : formatter.title(entity, view());
    }

    /** "New order" or "Edit ORD-000123". */
    public String getHeading() {
        if (viewName == null) {
            return "";
        }
        return creating ? TextBean.text("form.title.new", formatter.singular(view()))
                : TextBean.text("form.title.edit", formatter.title(entity, view()));
    }

    /** What the password field is called in messages. */
    public String getPasswordLabel() {
        return TextBean.text(creating ? "form.password" : "form.password.new");
    }

    /** The view's rules for a new secret, shown before anything is typed (none when it declares none). */
    public Message getPasswordRules() {
        return viewName == null || view().secretWriter() == null ? null : view().secretWriter().rules();
    }

    /** A save waits for the "Confirm it is you" dialog: the page shows the passwords typed so far again. */
    public boolean isStepUpPending() {
        return stepUpPending;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getPasswordConfirmation() {
        return passwordConfirmation;
    }

    public void setPasswordConfirmation(String passwordConfirmation) {
        this.passwordConfirmation = passwordConfirmation;
    }

    public List<Difference> getConflict() {
        return conflict;
    }
}
