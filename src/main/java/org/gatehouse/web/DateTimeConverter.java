package org.gatehouse.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.gatehouse.web.i18n.Language;
import org.gatehouse.web.i18n.TextBean;

/**
 * Dates and timestamps for the browser's native pickers ({@code type="date"} and
 * {@code type="datetime-local"}). Moments are shown and entered in the reader's time zone (as
 * their browser reported it, UTC until it has) and stored in UTC.
 */
@FacesConverter("dateTimeConverter")
public class DateTimeConverter implements Converter<Object> {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @Override
    public String getAsString(FacesContext context, UIComponent component, Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof OffsetDateTime offset) {
            return LOCAL.format(offset.atZoneSameInstant(zone(context)));
        }
        if (value instanceof LocalDateTime local) {
            return LOCAL.format(local);
        }
        return value.toString();
    }

    @Override
    public Object getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Class<?> type = component.getValueExpression("value").getType(context.getELContext());
        // what the pickers send (2026-03-01T14:30), or typed with a space as the examples read
        String text = value.strip().replace(' ', 'T');
        try {
            if (type == LocalDate.class) {
                return LocalDate.parse(text);
            }
            LocalDateTime local =
                    text.length() == 10 ? LocalDate.parse(text).atStartOfDay() : LocalDateTime.parse(text);
            return type == LocalDateTime.class
                    ? local
                    : local.atZone(zone(context)).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            Object label = component.getAttributes().get("label");
            String example = type == LocalDate.class ? "2026-03-01" : "2026-03-01 14:30";
            String what =
                    TextBean.text(type == LocalDate.class ? "form.date.invalid" : "form.dateTime.invalid", example);
            throw new ConverterException(
                    new FacesMessage(
                            FacesMessage.SEVERITY_ERROR,
                            label == null ? what : TextBean.text("form.fieldMessage", label, what),
                            null),
                    e);
        }
    }

    private static ZoneId zone(FacesContext context) {
        return Language.timeZone(
                (HttpServletRequest) context.getExternalContext().getRequest());
    }
}
