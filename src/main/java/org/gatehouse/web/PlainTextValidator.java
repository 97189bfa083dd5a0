package org.gatehouse.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.html.HtmlInputTextarea;
import jakarta.faces.context.FacesContext;
import jakarta.faces.validator.FacesValidator;
import jakarta.faces.validator.Validator;
import jakarta.faces.validator.ValidatorException;
import org.gatehouse.metadata.PlainText;
import org.gatehouse.web.i18n.TextBean;

/**
 * A default validator of every input on every page: text with NUL or other control characters
 * (line breaks allowed in multi-line fields) gets a validation message instead of reaching the
 * services and the database.
 */
@FacesValidator(value = "org.gatehouse.PlainText", isDefault = true)
public class PlainTextValidator implements Validator<Object> {

    @Override
    public void validate(FacesContext context, UIComponent component, Object value) {
        if (value instanceof String text && PlainText.hasForbiddenCharacters(text, isMultiLine(component))) {
            Object label = component.getAttributes().get("label");
            String message = label == null || label.toString().isBlank()
                    ? TextBean.text("form.controlCharacters.unnamed")
                    : TextBean.text("form.fieldMessage", label, TextBean.text("service.controlCharacters"));
            throw new ValidatorException(new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
        }
    }

    private static boolean isMultiLine(UIComponent component) {
        return component instanceof HtmlInputTextarea
                || component.getRendererType() != null
                        && component.getRendererType().contains("Textarea");
    }
}
