package org.gatehouse.service;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.PropertyDescriptor;
import org.gatehouse.metadata.PropertyKind;
import org.gatehouse.metadata.SortOrder;

/**
 * The order of a list ({@link EntityQuery}) and the ids of one page in it: by offset, or, for Next
 * and Previous, by a seek from the neighbouring page's edge row ({@link KeysetSeek}), which reads
 * no rows before the page.
 */
final class ListOrder {

    private ListOrder() {}

    /**
     * The ids of the request's page, in the list's order.
     *
     * @param idQuery the query over {@code root}, which this gives its select and order
     * @param where   what a row must meet to be listed
     */
    static <E> List<Object> pageIds(
            EntityManager em,
            CriteriaQuery<Object> idQuery,
            Root<E> root,
            List<Predicate> where,
            AdminView<E> view,
            ListRequest request,
            String id) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        if (request.cursor() == null) {
            idQuery.select(root.get(id))
                    .where(where.toArray(Predicate[]::new))
                    .orderBy(orders(cb, root, view, request.sort(), id));
            return em.createQuery(idQuery)
                    .setFirstResult(request.offset())
                    .setMaxResults(request.size())
                    .getResultList();
        }
        // Next or Previous: seek from the neighbouring page's edge row instead of counting past rows
        KeysetSeek seek = new KeysetSeek(root, view, request.sort(), id, request.cursor());
        List<Predicate> seeking = new ArrayList<>(where);
        seeking.add(seek.predicate(cb));
        idQuery.select(root.get(id)).where(seeking.toArray(Predicate[]::new)).orderBy(seek.orders(cb));
        List<Object> ids = new ArrayList<>(
                em.createQuery(idQuery).setMaxResults(request.size()).getResultList());
        if (seek.backwards()) {
            Collections.reverse(ids);
        }
        return ids;
    }

    /** The sort keys (a to-one column by its related label), then the id unless it is one of them. */
    static <E> List<Order> orders(
            CriteriaBuilder cb, Root<E> root, AdminView<E> view, List<SortOrder> sort, String id) {
        List<Order> orders = new ArrayList<>();
        boolean hasId = false;
        for (SortOrder order : sort) {
            PropertyDescriptor property = view.properties().get(order.property());
            Expression<?> key = property.kind() == PropertyKind.TO_ONE
                    ? root.join(property.name(), JoinType.LEFT).get(property.relatedLabel())
                    : root.get(property.name());
            orders.add(order.descending() ? cb.desc(key) : cb.asc(key));
            hasId |= property.name().equals(id);
        }
        if (!hasId) {
            // a unique last key keeps page boundaries stable; in the first key's direction, so one
            // index on (key, id) serves the whole order, scanned forwards or backwards
            boolean descending = !sort.isEmpty() && sort.get(0).descending();
            orders.add(descending ? cb.desc(root.get(id)) : cb.asc(root.get(id)));
        }
        return orders;
    }
}
