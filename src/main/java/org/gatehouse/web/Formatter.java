package org.gatehouse.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.stream.Collectors;
import org.gatehouse.metadata.AdminRegistry;
import org.gatehouse.metadata.PropertyAccess;
import org.gatehouse.metadata.PropertyDescriptor;

/**
 * Turns property values into the text shown in lists, details and exports. Does no I/O:
 * related rows are fetched with the page.
 */
@Named("fmt")
@ApplicationScoped
public class Formatter {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);

    @Inject
    private AdminRegistry registry;

    public Object value(Object row, PropertyDescriptor property) {
        return row == null ? null : PropertyAccess.get(row, property.name());
    }

    public String text(Object row, PropertyDescriptor property) {
        return format(value(row, property), property);
    }

    public String format(Object value, PropertyDescriptor property) {
        if (value == null) {
            return "";
        }
        if (value instanceof Collection<?> collection) {
            return collection.stream().map(item -> label(item, property)).sorted().collect(Collectors.joining(", "));
        }
        if (property.isRelation()) {
            return label(value, property);
        }
        if (value instanceof Boolean bool) {
            return bool ? "Yes" : "No";
        }
        if (value instanceof Instant instant) {
            return DATE_TIME.format(instant);
        }
        if (value instanceof java.time.LocalDateTime || value instanceof java.time.OffsetDateTime) {
            return DATE_TIME.format(((TemporalAccessor) value));
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return value.toString();
    }

    /** A related record by its view's title property. */
    public String label(Object related, PropertyDescriptor property) {
        if (related == null) {
            return "";
        }
        Object title = PropertyAccess.get(related, property.relatedLabel());
        return title == null ? "" : title.toString();
    }

    /** The title of a record of the given view, for headings and breadcrumbs. */
    public String title(Object row, org.gatehouse.metadata.AdminView<?> view) {
        Object title = PropertyAccess.get(row, view.titleProperty());
        return title == null ? "" : title.toString();
    }

    /** The related record's details URL path (after /admin/), or null when its entity has no view. */
    public String relatedPath(Object related) {
        if (related == null) {
            return null;
        }
        return registry.viewOf(unproxied(related.getClass()))
                .map(view -> view.name() + "/" + ((org.gatehouse.persistence.BaseEntity) related).getId())
                .orElse(null);
    }

    private static Class<?> unproxied(Class<?> type) {
        return type;
    }
}
