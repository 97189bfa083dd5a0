package org.gatehouse.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;
import org.gatehouse.i18n.Texts;
import org.gatehouse.metadata.AdminRegistry;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.Labels;
import org.gatehouse.metadata.PropertyAccess;
import org.gatehouse.metadata.PropertyDescriptor;
import org.gatehouse.metadata.ValueText;
import org.gatehouse.service.DeleteCheck;
import org.gatehouse.web.i18n.TextBean;
import org.gatehouse.web.i18n.When;

/**
 * Turns property values into the text shown in lists, details and exports. Does no I/O:
 * related rows are fetched with the page. Two forms: {@link #text}, the stable one the CSV export
 * and the audit trail share (English words, UTC), and {@link #display}/{@link #displayValue}, the reader's (their
 * language, number format and time zone; enum constants by their label).
 */
@Named("fmt")
@ApplicationScoped
public class Formatter {

    @Inject
    private AdminRegistry registry;

    @Inject
    private When when;

    public Object value(Object row, PropertyDescriptor property) {
        return row == null ? null : PropertyAccess.get(row, property.name());
    }

    /** The stable text of a row's property, as exports and the audit trail write it. */
    public String text(Object row, PropertyDescriptor property) {
        return format(value(row, property), property);
    }

    public String format(Object value, PropertyDescriptor property) {
        return ValueText.format(value, property);
    }

    /** A row's property as the reader reads it. */
    public String display(Object row, PropertyDescriptor property) {
        return displayValue(value(row, property), property);
    }

    /**
     * A value as the reader reads it: yes/no and enum constants in their language, decimals in
     * their number format (the scale kept), moments in their time zone, related records by title.
     */
    public String displayValue(Object value, PropertyDescriptor property) {
        Locale locale = TextBean.locale();
        if (value == null) {
            return "";
        }
        if (value instanceof Collection<?> || property != null && property.isRelation()) {
            return ValueText.format(value, property);
        }
        if (value instanceof Boolean bool) {
            return Texts.text(locale, bool ? "common.yes" : "common.no");
        }
        if (value instanceof Enum<?> constant) {
            return Labels.enumLabel(locale, constant);
        }
        if (value instanceof BigDecimal decimal) {
            NumberFormat number = NumberFormat.getNumberInstance(locale);
            number.setMinimumFractionDigits(Math.max(0, decimal.scale()));
            number.setMaximumFractionDigits(Math.max(0, decimal.scale()));
            return number.format(decimal);
        }
        if (value instanceof LocalDate date) {
            return when.date(date);
        }
        if (value instanceof String text
                && text.indexOf(':') >= 0
                && property != null
                && property.name().matches("(?i)(.*[a-z])?ip")) {
            // an IPv6 address as people write it (::1), not in full as the container reports it
            return org.gatehouse.web.auth.IpAddress.display(text);
        }
        if (value instanceof Temporal) {
            String exact = when.exact(value);
            return exact.isEmpty() ? ValueText.format(value, property) : exact;
        }
        return ValueText.format(value, property);
    }

    /** An enum constant by its label ({@code enum.OrderStatus.SHIPPED}, else "Shipped"). */
    public String enumLabel(Object value) {
        return value instanceof Enum<?> constant
                ? Labels.enumLabel(TextBean.locale(), constant)
                : value == null ? "" : value.toString();
    }

    public String label(Object related, PropertyDescriptor property) {
        return ValueText.label(related, property);
    }

    /** A moment, as every page shows one (UTC). */
    public String moment(Object at) {
        return ValueText.format(at, null);
    }

    /** The title of a record of the given view, for headings and breadcrumbs. */
    public String title(Object row, AdminView<?> view) {
        Object title = PropertyAccess.get(row, view.titleProperty());
        return title == null ? "" : title.toString();
    }

    /** A view's singular label as a word in a sentence of the reader's language ("order", "Bestellung"). */
    public String singular(AdminView<?> view) {
        Locale locale = TextBean.locale();
        return Labels.inSentence(locale, Texts.label(locale, view.singularLabel()));
    }

    /** The noun for a number of a view's records ("orders", "order", "audit entries"). */
    public String noun(AdminView<?> view, long count) {
        return Labels.noun(TextBean.locale(), view.label(), view.singularLabel(), count);
    }

    /** A number of a view's records: "1 order", "1,000 orders", "3 Bestellungen". */
    public String counted(AdminView<?> view, long count) {
        return Labels.counted(TextBean.locale(), view.label(), view.singularLabel(), count);
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

    /** Several counted usages, "12 orders, 3 users", in the reader's language. */
    public String usages(Collection<org.gatehouse.service.DeleteCheck.Usage> usages) {
        Locale locale = TextBean.locale();
        return usages.stream()
                .map(u -> u.count() == DeleteCheck.UNCOUNTED
                        ? Texts.text(locale, u.label())
                        : Labels.counted(locale, u.label(), u.singularLabel(), u.count()))
                .collect(Collectors.joining(", "));
    }
}
