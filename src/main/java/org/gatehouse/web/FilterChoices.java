package org.gatehouse.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gatehouse.metadata.AdminRegistry;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.Labels;
import org.gatehouse.metadata.Operation;
import org.gatehouse.metadata.PropertyDescriptor;
import org.gatehouse.persistence.BaseEntity;
import org.gatehouse.service.AccessChecks;
import org.gatehouse.service.EntityLists;
import org.gatehouse.service.EntityLookups;
import org.gatehouse.service.ListRequest;
import org.gatehouse.web.i18n.TextBean;

/**
 * The options of the list page's select filters: an enum's constants by their readable names, and
 * for a relation the records of a small related table the caller may see, nothing (an id field
 * instead) for a big one. Read when the filter form renders, never for AJAX paging.
 */
@Named("filterChoices")
@RequestScoped
public class FilterChoices {

    private static final int LIMIT = 200;

    @Inject
    private AdminRegistry registry;

    @Inject
    private AccessChecks access;

    @Inject
    private EntityLists lists;

    @Inject
    private EntityLookups lookups;

    @Inject
    private Formatter formatter;

    private final Map<String, List<Choice>> choices = new HashMap<>();

    /** An option of a filter select: the URL value and what the person reads. */
    public record Choice(String value, String label) {}

    /** The options of a relation filter, or {@code null} when it gets an id field. */
    public List<Choice> of(PropertyDescriptor filter) {
        if (!choices.containsKey(filter.name())) {
            choices.put(filter.name(), read(filter)); // null too: the page asks more than once
        }
        return choices.get(filter.name());
    }

    /** The options of an enum filter: each constant's name as the URL value, its readable name as label. */
    public List<Choice> enumOf(PropertyDescriptor filter) {
        Locale locale = TextBean.locale();
        return filter.choices().stream()
                .map(name -> new Choice(name, enumLabel(filter, name, locale)))
                .toList();
    }

    /** An enum constant of the property, by name, as a person reads it ("Shipped" for SHIPPED). */
    static String enumLabel(PropertyDescriptor property, String name, Locale locale) {
        Object[] constants = property.javaType().getEnumConstants();
        if (constants != null) {
            for (Object constant : constants) {
                if (((Enum<?>) constant).name().equals(name)) {
                    return Labels.enumLabel(locale, (Enum<?>) constant);
                }
            }
        }
        return Labels.capitalised(name);
    }

    private List<Choice> read(PropertyDescriptor filter) {
        AdminView<?> related =
                filter.isRelation() ? registry.viewOf(filter.javaType()).orElse(null) : null;
        if (related == null || !access.can(related, Operation.VIEW) || !small(related)) {
            return null;
        }
        List<Object> rows = new ArrayList<>(lookups.suggest(filter.javaType(), filter.relatedLabel(), null, LIMIT + 1));
        return rows.size() > LIMIT
                ? null
                : rows.stream()
                        .map(row ->
                                new Choice(String.valueOf(((BaseEntity) row).getId()), formatter.label(row, filter)))
                        .toList();
    }

    private boolean small(AdminView<?> related) {
        var size = lists.listCount(related, ListRequest.defaults(related));
        return size.exact() && size.value() <= LIMIT;
    }
}
