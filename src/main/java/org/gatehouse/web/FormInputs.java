package org.gatehouse.web;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gatehouse.i18n.Message;
import org.gatehouse.i18n.Texts;
import org.gatehouse.metadata.AdminRegistry;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.Operation;
import org.gatehouse.metadata.PropertyDescriptor;
import org.gatehouse.service.AccessChecks;
import org.gatehouse.service.EntityLookups;
import org.gatehouse.service.WriteException;
import org.gatehouse.web.i18n.TextBean;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * The form's inputs: what each offers (the records a relation may point to, an enum's constants),
 * whether a field is shown as text instead of an input, and the client ids a postback and a
 * message name. Kept for the form's view, as Faces asks for rendering, decoding and validation alike.
 */
@Named("formInputs")
@ViewScoped
public class FormInputs implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int CHOICE_LIMIT = 200;

    @Inject
    private AdminRegistry registry;

    @Inject
    private AccessChecks access;

    @Inject
    private EntityLookups lookups;

    private final Map<String, List<Object>> choices = new HashMap<>();
    private final Map<String, Boolean> pickable = new HashMap<>();

    /** Suggestions for a to-one picker; the component names its property in the "field" attribute. */
    public List<Object> complete(String query) {
        UIComponent component = UIComponent.getCurrentComponent(FacesContext.getCurrentInstance());
        PropertyDescriptor field =
                (PropertyDescriptor) component.getAttributes().get("field");
        return new ArrayList<>(lookups.suggest(field.javaType(), field.relatedLabel(), query, 15));
    }

    /** Every record a to-many field may hold; such fields are meant for small tables (roles, tags). */
    public List<Object> choices(PropertyDescriptor field) {
        return choices.computeIfAbsent(
                field.name(),
                name -> new ArrayList<>(lookups.suggest(field.javaType(), field.relatedLabel(), null, CHOICE_LIMIT)));
    }

    public List<Object> enumChoices(PropertyDescriptor field) {
        return List.of(field.javaType().getEnumConstants());
    }

    /**
     * Whether a field is shown as text instead of an input: read-only fields, and relations to a
     * view the caller may not read (no picker can list its records; the record keeps its value).
     */
    public boolean fixed(PropertyDescriptor field) {
        if (field.readOnly()) {
            return true;
        }
        return field.isRelation()
                && !pickable.computeIfAbsent(
                        field.name(),
                        name -> registry.viewOf(field.javaType())
                                .map(related -> access.can(related, Operation.VIEW))
                                .orElse(false));
    }

    /** Whether a postback carries a value for a field that has no input on the page (a crafted request). */
    boolean postsFixed(List<PropertyDescriptor> fields, Set<String> posted) {
        for (int i = 0; i < fields.size(); i++) {
            String prefix = "form:fields:" + i + ":";
            if (fixed(fields.get(i)) && posted.stream().anyMatch(name -> name.startsWith(prefix))) {
                return true;
            }
        }
        return false;
    }

    /** The service's refusal of a save, at its field's input (or at the top of the form). */
    void refuse(AdminView<?> view, List<PropertyDescriptor> fields, WriteException refusal, String passwordLabel) {
        refuse(
                refusal.getField() == null ? null : clientId(fields, refusal.getField()),
                refusal(view, refusal.getField(), refusal.getText(), passwordLabel));
    }

    /** An error at an input (or for the whole form, with a null client id); the save did not happen. */
    static void refuse(String clientId, String text) {
        Messages.addError(clientId, text);
        Faces.validationFailed();
    }

    /** The client id of a field's input among the form's fields, for its message; null when it has none. */
    String clientId(List<PropertyDescriptor> fields, String field) {
        if (field.equals("password")) {
            return "form:password";
        }
        int index = fields.stream().map(PropertyDescriptor::name).toList().indexOf(field);
        return index < 0 || fixed(fields.get(index)) ? null : "form:fields:" + index + ":" + inputId(fields.get(index));
    }

    /**
     * A refusal of the service as the form says it: "Label: what to do." at its field, or a whole
     * sentence as it is (for the whole record, or a rule's own sentence such as a password rule's).
     */
    static String refusal(AdminView<?> view, String field, Message text, String passwordLabel) {
        String words = text.text(TextBean.locale());
        if (field == null || words.isEmpty() || Character.isUpperCase(words.charAt(0))) {
            // a whole sentence stands on its own; "what to do" gets the field's label before it
            return words;
        }
        String label = field.equals("password")
                ? passwordLabel
                : view.property(field)
                        .map(p -> Texts.label(TextBean.locale(), p.label()))
                        .orElse(field);
        return TextBean.text("form.fieldMessage", label, words);
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
}
