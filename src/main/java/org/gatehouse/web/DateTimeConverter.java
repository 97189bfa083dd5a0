package org.gatehouse.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Dates and timestamps for the browser's native pickers ({@code type="date"} and
 * {@code type="datetime-local"}). Timestamps are shown and entered in UTC.
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
            return LOCAL.format(offset.withOffsetSameInstant(ZoneOffset.UTC));
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
        try {
            if (type == LocalDate.class) {
                return LocalDate.parse(value.strip());
            }
            LocalDateTime local = value.strip().length() == 10 ? LocalDate.parse(value.strip()).atStartOfDay()
                    : LocalDateTime.parse(value.strip());
            return type == LocalDateTime.class ? local : local.atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    "Enter a date and time like 2026-03-01T14:30", null), e);
        }
    }
}
