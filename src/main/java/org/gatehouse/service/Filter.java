package org.gatehouse.service;

import jakarta.persistence.criteria.Predicate;
import java.util.List;
import java.util.Map;
import org.gatehouse.metadata.PropertyDescriptor;

/**
 * One column filter taken from the URL, one small type per kind of property: each reads its URL
 * value, writes it back and builds its Criteria predicate. Text matches "contains, any case";
 * booleans, enum constants and relations match one value; numbers and dates an inclusive range
 * ({@code total.from}, {@code total.to}). A new kind is a new record here and its line in
 * {@link #read}.
 */
public sealed interface Filter
        permits TextFilter, BooleanFilter, ChoiceFilter, RelationFilter, MemberFilter, NumberRange, DateRange {

    PropertyDescriptor property();

    default String name() {
        return property().name();
    }

    /** The value it matches, or its range's lower bound: as a sort key of this kind reads from text. */
    Object value();

    /** The URL parameters it is written as, in canonical form ({@code status=PAID}, {@code total.from=10}). */
    Map<String, String> parameters();

    /** What keeps the rows it matches. */
    List<Predicate> predicates(FilterQuery query);

    /**
     * Reads one URL parameter of a filterable property.
     *
     * @param key     the parameter as given ({@code total.from})
     * @param bound   what follows the last dot of the key ({@code from}), or {@code null}
     * @param current what earlier parameters gave for the same property, or {@code null}
     * @throws FilterRefused with the notice saying why the parameter is ignored
     */
    static Filter read(PropertyDescriptor property, String key, String bound, String value, Filter current) {
        return switch (property.kind()) {
            case TEXT, LONG_TEXT -> TextFilter.read(property, key, bound, value);
            case BOOLEAN -> BooleanFilter.read(property, key, bound, value);
            case ENUM -> ChoiceFilter.read(property, key, bound, value);
            case TO_ONE -> RelationFilter.read(property, key, bound, value);
            case TO_MANY -> MemberFilter.read(property, key, bound, value);
            case INTEGER, DECIMAL -> NumberRange.read(property, key, bound, value, (NumberRange) current);
            case DATE, DATE_TIME -> DateRange.read(property, key, bound, value, (DateRange) current);
        };
    }
}
