package org.gatehouse.service;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.gatehouse.metadata.PropertyDescriptor;

/**
 * The query a {@link Filter} adds its predicates to.
 *
 * @param idName the name of an entity type's id attribute
 */
public record FilterQuery(CriteriaBuilder cb, CriteriaQuery<?> query, Root<?> root, Function<Class<?>, String> idName) {

    /** An inclusive range of a property; a missing bound is open. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    List<Predicate> between(PropertyDescriptor property, Object from, Object to) {
        Expression<Comparable> expression = (Expression<Comparable>) (Expression<?>) root.get(property.name());
        List<Predicate> predicates = new ArrayList<>();
        if (from != null) {
            predicates.add(cb.greaterThanOrEqualTo(expression, EntityQuery.attributeValue(property, from)));
        }
        if (to != null) {
            predicates.add(cb.lessThanOrEqualTo(expression, EntityQuery.attributeValue(property, to)));
        }
        return predicates;
    }
}
