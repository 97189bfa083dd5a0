package org.gatehouse.service;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.ManagedType;
import jakarta.persistence.metamodel.Metamodel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gatehouse.metadata.RowScope;

/**
 * A caller's row scopes as a Criteria predicate: every condition of every scope must hold. A
 * condition one relation away ({@code customer.country}) joins that relation; a relation compared
 * with a number ({@code accountManager = {user.id}}) compares its id.
 */
public final class ScopePredicate {

    private final List<RowScope> scopes;
    private final Map<String, Object> user;

    ScopePredicate(List<RowScope> scopes, Map<String, Object> user) {
        this.scopes = scopes;
        this.user = user;
    }

    Predicate of(CriteriaBuilder cb, Root<?> root, Metamodel metamodel) {
        List<Predicate> all = new ArrayList<>();
        for (RowScope scope : scopes) {
            for (RowScope.Condition condition : scope.conditions()) {
                all.add(condition(cb, root, metamodel, condition));
            }
        }
        return cb.and(all.toArray(Predicate[]::new));
    }

    private Predicate condition(CriteriaBuilder cb, Root<?> root, Metamodel metamodel, RowScope.Condition condition) {
        Object value = condition.value(user);
        if (value == null) {
            // a user without the property the scope compares with reaches no row
            return cb.disjunction();
        }
        String[] steps = condition.path().split("\\.");
        Path<?> path = root.get(steps[0]);
        ManagedType<?> owner = metamodel.managedType(root.getJavaType());
        Attribute<?, ?> attribute = owner.getAttribute(steps[0]);
        if (steps.length == 2) {
            owner = metamodel.managedType(attribute.getJavaType());
            attribute = owner.getAttribute(steps[1]);
            path = path.get(steps[1]);
        }
        if (attribute.isAssociation()) {
            var related = metamodel.entity(attribute.getJavaType());
            path = path.get(related.getId(related.getIdType().getJavaType()).getName());
            return cb.equal(path, toType(related.getIdType().getJavaType(), value));
        }
        return cb.equal(path, toType(attribute.getJavaType(), value));
    }

    /** A scope's value (a literal's text, or the user's id or country) as the attribute's type. */
    private static Object toType(Class<?> type, Object value) {
        return org.gatehouse.metadata.StoredValues.parse(value.toString(), type);
    }
}
