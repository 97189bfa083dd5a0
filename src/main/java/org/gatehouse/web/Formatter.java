package org.gatehouse.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.gatehouse.metadata.AdminRegistry;
import org.gatehouse.metadata.PropertyAccess;
import org.gatehouse.metadata.ValueText;
import org.gatehouse.metadata.PropertyDescriptor;

/**
 * Turns property values into the text shown in lists, details and exports. Does no I/O:
 * related rows are fetched with the page.
 */
@Named("fmt")
@ApplicationScoped
public class Formatter {

    @Inject
    private AdminRegistry registry;

    public Object value(Object row, PropertyDescriptor property) {
        return row == null ? null : PropertyAccess.get(row, property.name());
    }

    public String text(Object row, PropertyDescriptor property) {
        return format(value(row, property), property);
    }

    public String format(Object value, PropertyDescriptor property) {
        return ValueText.format(value, property);
    }

    public String label(Object related, PropertyDescriptor property) {
        return ValueText.label(related, property);
    }

    /** A moment, as every page shows one (UTC). */
    public String moment(Object at) {
        return ValueText.format(at, null);
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
        return registry.viewOf(related.getClass())
                .map(view -> view.name() + "/" + ((org.gatehouse.persistence.BaseEntity) related).getId())
                .orElse(null);
    }
}
