package org.gatehouse.service;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.PropertyDescriptor;
import org.gatehouse.persistence.BaseEntity;

/**
 * The Criteria queries behind a list of any view: a page of rows, the capped and exact counts,
 * the export batches, and single records, ids and picker suggestions within the caller's scope.
 * What a row must meet is {@link ListPredicates}' (scope, search, filters), the order and the page's
 * ids {@link ListOrder}'s, how shown relations are read {@link RelatedColumns}'. It checks no
 * permission: {@link EntityService} does that before it asks, and gives the caller's row scope,
 * which every query here applies.
 */
final class EntityQuery {

    private final EntityManager em;
    /** The caller's row scope; null: every row. */
    private final ScopePredicate scope;

    EntityQuery(EntityManager em, ScopePredicate scope) {
        this.em = em;
        this.scope = scope;
    }

    /** The record with this id, if it lies within the caller's scope. */
    <E> java.util.Optional<E> find(AdminView<E> view, Object key) {
        if (scope == null) {
            return java.util.Optional.ofNullable(em.find(view.type(), key));
        }
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<E> query = cb.createQuery(view.type());
        Root<E> root = query.from(view.type());
        query.select(root).where(cb.equal(root.get(idName(view.type())), key), scope.of(cb, root, em.getMetamodel()));
        return em.createQuery(query).getResultStream().findFirst();
    }

    /** Those of the given ids whose records lie within the caller's scope. */
    List<Object> inScope(Class<?> type, java.util.Collection<Object> keys) {
        if (scope == null || keys.isEmpty()) {
            return List.copyOf(keys);
        }
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Object> query = cb.createQuery(Object.class);
        Root<?> root = query.from(type);
        query.select(root.get(idName(type)))
                .where(root.get(idName(type)).in(keys), scope.of(cb, root, em.getMetamodel()));
        return em.createQuery(query).getResultList();
    }

    /** Whether a record with exactly this title lies within the caller's scope. */
    boolean hasTitle(Class<?> type, String titleProperty, String title) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<?> root = query.from(type);
        List<Predicate> where = new ArrayList<>();
        where.add(cb.equal(root.get(titleProperty).as(String.class), title));
        if (scope != null) {
            where.add(scope.of(cb, root, em.getMetamodel()));
        }
        query.select(cb.count(root)).where(where.toArray(Predicate[]::new));
        return em.createQuery(query).getSingleResult() > 0;
    }

    /** The related records offered by a picker: their title contains the text, within the caller's scope. */
    <T> List<T> suggest(Class<T> type, String titleProperty, String text, int limit) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<T> query = cb.createQuery(type);
        Root<T> root = query.from(type);
        List<Predicate> where = new ArrayList<>();
        if (text != null && !text.isBlank()) {
            where.add(cb.like(
                    cb.lower(root.get(titleProperty).as(String.class)),
                    "%" + escapeLike(text.strip().toLowerCase(Locale.ROOT)) + "%",
                    '\\'));
        }
        if (scope != null) {
            where.add(scope.of(cb, root, em.getMetamodel()));
        }
        query.where(where.toArray(Predicate[]::new)).orderBy(cb.asc(root.get(titleProperty)));
        return em.createQuery(query).setMaxResults(limit).getResultList();
    }

    String idName(Class<?> type) {
        var entity = em.getMetamodel().entity(type);
        return entity.getId(entity.getIdType().getJavaType()).getName();
    }

    /** One page of rows in the request's order, by offset or from a position (keyset). */
    <E> List<E> page(AdminView<E> view, ListRequest request) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Object> idQuery = cb.createQuery(Object.class);
        Root<E> root = idQuery.from(view.type());
        List<Object> ids = ListOrder.pageIds(
                em,
                idQuery,
                root,
                List.of(predicates(cb, idQuery, root, view, request)),
                view,
                request,
                idName(view.type()));
        if (ids.isEmpty()) {
            return List.of();
        }
        CriteriaQuery<E> rowQuery = cb.createQuery(view.type());
        Root<E> row = rowQuery.from(view.type());
        RelatedColumns.fetchToOne(view, row);
        rowQuery.select(row).where(row.get(idName(view.type())).in(ids));
        TypedQuery<E> rows = em.createQuery(rowQuery);
        RelatedColumns.batchToMany(view, rows);
        Map<Object, E> byId = new java.util.HashMap<>();
        rows.getResultList().forEach(entity -> byId.put(((BaseEntity) entity).getId(), entity));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /**
     * Whether a row lies beyond the cap (one id read, the others only skipped in the index), and
     * only if none does, the exact count of what is then a small result.
     */
    <E> ListCount cappedCount(AdminView<E> view, ListRequest request, int countCap) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Object> query = cb.createQuery(Object.class);
        Root<E> root = query.from(view.type());
        query.select(root.get(idName(view.type()))).where(predicates(cb, query, root, view, request));
        boolean beyondCap = !em.createQuery(query)
                .setFirstResult(countCap)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
        return beyondCap
                ? new ListCount(countCap, ListCount.Kind.AT_LEAST)
                : new ListCount(count(view, request), ListCount.Kind.EXACT);
    }

    <E> long count(AdminView<E> view, ListRequest request) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<E> root = query.from(view.type());
        query.select(cb.count(root)).where(predicates(cb, query, root, view, request));
        return em.createQuery(query).getSingleResult();
    }

    private <E> Predicate[] predicates(
            CriteriaBuilder cb, CriteriaQuery<?> query, Root<E> root, AdminView<E> view, ListRequest request) {
        return new ListPredicates(em, scope, this::idName).of(cb, query, root, view, request);
    }

    /** Filter values arrive as Long, BigDecimal, LocalDate or LocalDateTime (UTC); the attribute decides. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Comparable attributeValue(PropertyDescriptor property, Object value) {
        Class<?> type = property.javaType();
        if (value instanceof LocalDateTime dateTime) {
            if (type == Instant.class) {
                return dateTime.toInstant(ZoneOffset.UTC);
            }
            if (type == OffsetDateTime.class) {
                return dateTime.atOffset(ZoneOffset.UTC);
            }
            return dateTime;
        }
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof Number number) {
            if (type == Integer.class || type == int.class) {
                return number.intValue();
            }
            if (type == Long.class || type == long.class) {
                return number.longValue();
            }
            if (type == Short.class || type == short.class) {
                return number.shortValue();
            }
            if (type == Double.class || type == double.class) {
                return number.doubleValue();
            }
            if (type == java.math.BigDecimal.class) {
                return new java.math.BigDecimal(number.toString());
            }
        }
        return (Comparable) value;
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Up to {@code limit} rows of the filtered result with ids above {@code afterId}, in id order. */
    <E> List<E> exportBatch(AdminView<E> view, ListRequest request, Long afterId, int limit) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<E> query = cb.createQuery(view.type());
        Root<E> root = query.from(view.type());
        RelatedColumns.fetchToOne(view, root);
        List<Predicate> predicates = new ArrayList<>(List.of(predicates(cb, query, root, view, request)));
        String id = idName(view.type());
        if (afterId != null) {
            predicates.add(cb.greaterThan(root.get(id), afterId));
        }
        query.select(root).where(predicates.toArray(Predicate[]::new)).orderBy(cb.asc(root.get(id)));
        TypedQuery<E> typed = em.createQuery(query).setMaxResults(limit);
        RelatedColumns.batchToMany(view, typed);
        List<E> rows = typed.getResultList();
        rows.forEach(row -> RelatedColumns.loadToMany(view, row));
        return rows;
    }
}
