package org.gatehouse.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.gatehouse.i18n.Texts;
import org.gatehouse.metadata.PropertyDescriptor;
import org.gatehouse.persistence.BaseEntity;
import org.gatehouse.service.EntityLookups;
import org.gatehouse.web.i18n.TextBean;

/**
 * Related records in pickers travel as their id. The component says which property it edits
 * through its {@code field} attribute; the property knows the related type.
 */
@Named
@ApplicationScoped
public class EntityConverter implements Converter<Object> {

    @Inject
    private EntityLookups lookups;

    @Override
    public String getAsString(FacesContext context, UIComponent component, Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof BaseEntity entity ? String.valueOf(entity.getId()) : value.toString();
    }

    @Override
    public Object getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        PropertyDescriptor field =
                (PropertyDescriptor) component.getAttributes().get("field");
        return lookups.findByType(field.javaType(), value.strip())
                .orElseThrow(() -> new ConverterException(new FacesMessage(
                        FacesMessage.SEVERITY_ERROR,
                        TextBean.text(
                                "form.fieldMessage",
                                Texts.label(TextBean.locale(), field.label()),
                                TextBean.text("service.relatedMissing")),
                        null)));
    }
}
