package org.gatehouse.service;

import jakarta.persistence.criteria.Predicate;
import java.util.List;
import java.util.Map;
import org.gatehouse.metadata.PropertyDescriptor;

/** A to-one relation pointing at the record with this id ({@code customer=42}). */
public record RelationFilter(PropertyDescriptor property, Long id) implements Filter {

    static RelationFilter read(PropertyDescriptor property, String key, String bound, String value) {
        return new RelationFilter(property, id(key, bound, value));
    }

    /** A related record's id, as relation filters read it. */
    static Long id(String key, String bound, String value) {
        FilterRefused.requireNoBound(key, bound);
        try {
            return Long.valueOf(value);
        } catch (NumberFormatException e) {
            throw FilterRefused.notExpected("list.notice.notWholeNumber", key, value);
        }
    }

    @Override
    public Object value() {
        return id;
    }

    @Override
    public Map<String, String> parameters() {
        return Map.of(name(), id.toString());
    }

    @Override
    public List<Predicate> predicates(FilterQuery query) {
        String idName = query.idName().apply(property.javaType());
        return List.of(query.cb().equal(query.root().get(name()).get(idName), id));
    }
}
