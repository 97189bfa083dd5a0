package org.gatehouse.service;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.From;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.util.List;
import java.util.Map;
import org.gatehouse.metadata.PropertyDescriptor;

/** A to-many relation that holds the record with this id ({@code roles=2}). */
public record MemberFilter(PropertyDescriptor property, Long id) implements Filter {

    static MemberFilter read(PropertyDescriptor property, String key, String bound, String value) {
        return new MemberFilter(property, RelationFilter.id(key, bound, value));
    }

    @Override
    public Object value() {
        return id;
    }

    @Override
    public Map<String, String> parameters() {
        return Map.of(name(), id.toString());
    }

    /** An EXISTS over the join, so that a row holding several matches is still listed once. */
    @Override
    public List<Predicate> predicates(FilterQuery query) {
        return List.of(exists(query, query.root()));
    }

    private <E> Predicate exists(FilterQuery query, Root<E> root) {
        CriteriaBuilder cb = query.cb();
        Subquery<Integer> exists = query.query().subquery(Integer.class);
        Root<E> inner = exists.correlate(root);
        From<?, ?> member = inner.join(name());
        exists.select(cb.literal(1)).where(cb.equal(member.get(query.idName().apply(property.javaType())), id));
        return cb.exists(exists);
    }
}
