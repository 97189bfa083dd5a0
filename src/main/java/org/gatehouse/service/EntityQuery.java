package org.gatehouse.service;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.Order;
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
import org.gatehouse.metadata.PropertyAccess;
import org.gatehouse.metadata.PropertyDescriptor;
import org.gatehouse.metadata.PropertyKind;
import org.gatehouse.metadata.SortOrder;
import org.gatehouse.persistence.BaseEntity;

/**
 * The Criteria queries behind a list of any view: the search and filter predicates, the order,
 * a page of rows (by offset, or from a position for Next and Previous), the capped and exact
 * counts and the export batches. It checks no permission: {@link EntityService} does that
 * before it asks, and gives the caller's row scope, which every query here applies.
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
        List<Predicate> where = new ArrayList<>(List.of(predicates(cb, idQuery, root, view, request)));
        List<Object> ids;
        if (request.cursor() != null) {
            // Next or Previous: seek from the neighbouring page's edge row instead of counting past rows
            KeysetSeek seek = new KeysetSeek(root, view, request.sort(), idName(view.type()), request.cursor());
            where.add(seek.predicate(cb));
            idQuery.select(root.get(idName(view.type())))
                    .where(where.toArray(Predicate[]::new))
                    .orderBy(seek.orders(cb));
            ids = new ArrayList<>(
                    em.createQuery(idQuery).setMaxResults(request.size()).getResultList());
            if (seek.backwards()) {
                java.util.Collections.reverse(ids);
            }
        } else {
            idQuery.select(root.get(idName(view.type())))
                    .where(where.toArray(Predicate[]::new))
                    .orderBy(orders(cb, root, view, request.sort()));
            ids = em.createQuery(idQuery)
                    .setFirstResult(request.offset())
                    .setMaxResults(request.size())
                    .getResultList();
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        CriteriaQuery<E> rowQuery = cb.createQuery(view.type());
        Root<E> row = rowQuery.from(view.type());
        fetchToOne(view, row);
        rowQuery.select(row).where(row.get(idName(view.type())).in(ids));
        TypedQuery<E> rows = em.createQuery(rowQuery);
        batchToMany(view, rows);
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

    /** To-one columns are read with the rows they belong to. */
    private static void fetchToOne(AdminView<?> view, Root<?> root) {
        for (PropertyDescriptor column : view.columns()) {
            if (column.kind() == PropertyKind.TO_ONE) {
                root.fetch(column.name(), JoinType.LEFT);
            }
        }
    }

    /** To-many columns are read for all rows in one extra query instead of one per row. */
    private static void batchToMany(AdminView<?> view, TypedQuery<?> query) {
        for (PropertyDescriptor column : view.columns()) {
            if (column.kind() == PropertyKind.TO_MANY) {
                query.setHint("eclipselink.batch.type", "IN");
                query.setHint("eclipselink.batch", "e." + column.name());
            }
        }
    }

    private <E> Predicate[] predicates(
            CriteriaBuilder cb, CriteriaQuery<?> query, Root<E> root, AdminView<E> view, ListRequest request) {
        List<Predicate> predicates = new ArrayList<>();
        if (scope != null) {
            predicates.add(scope.of(cb, root, em.getMetamodel()));
        }
        if (request.search() != null) {
            String pattern = "%" + escapeLike(request.search().toLowerCase(Locale.ROOT)) + "%";
            predicates.add(cb.or(view.searchable().stream()
                    .map(p -> p.name().contains(".")
                            ? relatedMatch(cb, root, p.name(), pattern)
                            : cb.like(cb.lower(root.get(p.name())), pattern, '\\'))
                    .toArray(Predicate[]::new)));
        }
        FilterQuery filterQuery = new FilterQuery(cb, query, root, this::idName);
        for (Filter filter : request.filters().values()) {
            predicates.addAll(filter.predicates(filterQuery));
        }
        return predicates.toArray(Predicate[]::new);
    }

    private static final int RELATED_MATCH_LIMIT = 1_000;

    /**
     * Search one relation away ({@code customer.email}): the matching related rows are found
     * first, on their own (indexed) table, and the list keeps the rows pointing at them. Unlike a
     * join inside an OR, this lets the database combine both indexes instead of scanning.
     */
    private Predicate relatedMatch(CriteriaBuilder cb, Root<?> root, String path, String pattern) {
        String relation = path.substring(0, path.indexOf('.'));
        String attribute = path.substring(path.indexOf('.') + 1);
        Class<?> type = root.getModel().getAttribute(relation).getJavaType();
        CriteriaQuery<Object> related = cb.createQuery(Object.class);
        Root<?> target = related.from(type);
        related.select(target.get(idName(type))).where(cb.like(cb.lower(target.get(attribute)), pattern, '\\'));
        List<Object> ids =
                em.createQuery(related).setMaxResults(RELATED_MATCH_LIMIT).getResultList();
        return ids.isEmpty()
                ? cb.disjunction()
                : root.get(relation).get(idName(type)).in(ids);
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

    private <E> List<Order> orders(CriteriaBuilder cb, Root<E> root, AdminView<E> view, List<SortOrder> sort) {
        List<Order> orders = new ArrayList<>();
        String id = idName(view.type());
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

    /** Touches to-many columns so that they are loaded before the rows leave the transaction. */
    private static <E> void loadToMany(AdminView<E> view, E row) {
        for (PropertyDescriptor column : view.columns()) {
            if (column.kind() == PropertyKind.TO_MANY) {
                Object value = PropertyAccess.get(row, column.name());
                if (value instanceof java.util.Collection<?> collection) {
                    collection.size();
                }
            }
        }
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Up to {@code limit} rows of the filtered result with ids above {@code afterId}, in id order. */
    <E> List<E> exportBatch(AdminView<E> view, ListRequest request, Long afterId, int limit) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<E> query = cb.createQuery(view.type());
        Root<E> root = query.from(view.type());
        fetchToOne(view, root);
        List<Predicate> predicates = new ArrayList<>(List.of(predicates(cb, query, root, view, request)));
        String id = idName(view.type());
        if (afterId != null) {
            predicates.add(cb.greaterThan(root.get(id), afterId));
        }
        query.select(root).where(predicates.toArray(Predicate[]::new)).orderBy(cb.asc(root.get(id)));
        TypedQuery<E> typed = em.createQuery(query).setMaxResults(limit);
        batchToMany(view, typed);
        List<E> rows = typed.getResultList();
        rows.forEach(row -> loadToMany(view, row));
        return rows;
    }
}
