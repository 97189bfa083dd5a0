package org.gatehouse.service;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.List;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.PropertyDescriptor;
import org.gatehouse.metadata.PropertyKind;
import org.gatehouse.metadata.SortOrder;

/**
 * The query parts of a page reached by position ({@link PageCursor}): rows strictly after (or
 * before) the cursor's row in the list's order — sort keys, then the id — and that order, turned
 * round for a page before the cursor (whose rows are then read backwards and reversed).
 */
final class KeysetSeek {

    private final List<Expression<Comparable>> keys = new ArrayList<>();
    private final List<Comparable> values = new ArrayList<>();
    private final List<Boolean> descending = new ArrayList<>();
    private final boolean after;

    @SuppressWarnings("unchecked")
    KeysetSeek(Root<?> root, AdminView<?> view, List<SortOrder> sort, String idName, PageCursor cursor) {
        this.after = cursor.after();
        for (int i = 0; i < sort.size(); i++) {
            PropertyDescriptor property = view.properties().get(sort.get(i).property());
            keys.add((Expression<Comparable>) (Expression<?>) root.get(property.name()));
            values.add(value(property, cursor.values().get(i)));
            descending.add(sort.get(i).descending());
        }
        // the id last, in the first key's direction, as the list's order has it
        keys.add((Expression<Comparable>) (Expression<?>) root.get(idName));
        values.add((Comparable) cursor.values().get(sort.size()));
        descending.add(!sort.isEmpty() && sort.get(0).descending());
    }

    private static Comparable value(PropertyDescriptor property, Object value) {
        if (property.kind() == PropertyKind.ENUM) {
            for (Object constant : property.javaType().getEnumConstants()) {
                if (((Enum<?>) constant).name().equals(value)) {
                    return (Comparable) constant;
                }
            }
            throw new IllegalArgumentException(String.valueOf(value));
        }
        return EntityQuery.attributeValue(property, value);
    }

    /**
     * Rows beyond the cursor's row: (k1 beyond v1) or (k1 = v1 and k2 beyond v2) or …, and with
     * it the bound "k1 at or beyond v1", which lets the database start its index scan at the
     * cursor's row (it cannot read an index range from the alternatives alone).
     */
    Predicate predicate(CriteriaBuilder cb) {
        List<Predicate> alternatives = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            List<Predicate> parts = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                parts.add(cb.equal(keys.get(j), values.get(j)));
            }
            boolean greater = after != descending.get(i);
            parts.add(greater ? cb.greaterThan(keys.get(i), values.get(i)) : cb.lessThan(keys.get(i), values.get(i)));
            alternatives.add(cb.and(parts.toArray(Predicate[]::new)));
        }
        boolean greater = after != descending.get(0);
        Predicate bound = greater
                ? cb.greaterThanOrEqualTo(keys.get(0), values.get(0))
                : cb.lessThanOrEqualTo(keys.get(0), values.get(0));
        return cb.and(bound, cb.or(alternatives.toArray(Predicate[]::new)));
    }

    /** The list's order, turned round when reading backwards from the cursor. */
    List<Order> orders(CriteriaBuilder cb) {
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            boolean downwards = descending.get(i) == after;
            orders.add(downwards ? cb.desc(keys.get(i)) : cb.asc(keys.get(i)));
        }
        return orders;
    }

    /** Whether the rows come back in reverse and must be turned round. */
    boolean backwards() {
        return !after;
    }
}
