package org.gatehouse.service;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.From;
import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gatehouse.identity.Role;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.PropertyDescriptor;
import org.gatehouse.metadata.PropertyKind;
import org.gatehouse.metadata.SortOrder;

/**
 * Queries and writes for any registered entity, driven by its {@link AdminView}. Paging,
 * sorting, filtering and counting run in the database; related entities shown in the list are
 * fetched with the page, never one query per row.
 */
@Stateless
@RolesAllowed(Role.ADMIN)
public class EntityService {

    @PersistenceContext
    private EntityManager em;

    /** One page of rows in the request's order. */
    public <E> List<E> page(AdminView<E> view, ListRequest request) {
        return query(view, request).setFirstResult(request.offset()).setMaxResults(request.size()).getResultList();
    }

    /** Every row of the filtered result, for exports; the caller consumes it as a stream. */
    public <E> java.util.stream.Stream<E> stream(AdminView<E> view, ListRequest request) {
        return query(view, request).getResultStream();
    }

    public long count(AdminView<?> view, ListRequest request) {
        return countTyped(view, request);
    }

    private <E> long countTyped(AdminView<E> view, ListRequest request) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<E> root = query.from(view.type());
        query.select(cb.count(root)).where(predicates(cb, query, root, view, request));
        return em.createQuery(query).getSingleResult();
    }

    private <E> TypedQuery<E> query(AdminView<E> view, ListRequest request) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<E> query = cb.createQuery(view.type());
        Root<E> root = query.from(view.type());
        for (PropertyDescriptor column : view.columns()) {
            if (column.kind() == PropertyKind.TO_ONE) {
                root.fetch(column.name(), JoinType.LEFT);
            }
        }
        query.select(root).where(predicates(cb, query, root, view, request));
        query.orderBy(orders(cb, root, view, request.sort()));
        TypedQuery<E> typed = em.createQuery(query);
        for (PropertyDescriptor column : view.columns()) {
            if (column.kind() == PropertyKind.TO_MANY) {
                // one extra query for all rows of the page instead of one per row
                typed.setHint("eclipselink.batch.type", "IN");
                typed.setHint("eclipselink.batch", "e." + column.name());
            }
        }
        return typed;
    }

    private <E> Predicate[] predicates(CriteriaBuilder cb, CriteriaQuery<?> query, Root<E> root, AdminView<E> view,
            ListRequest request) {
        List<Predicate> predicates = new ArrayList<>();
        if (request.search() != null) {
            String pattern = "%" + escapeLike(request.search().toLowerCase(Locale.ROOT)) + "%";
            predicates.add(cb.or(view.searchable().stream()
                    .map(p -> cb.like(cb.lower(root.get(p.name())), pattern, '\\'))
                    .toArray(Predicate[]::new)));
        }
        for (Filter filter : request.filters().values()) {
            PropertyDescriptor property = filter.property();
            switch (property.kind()) {
                case TEXT, LONG_TEXT -> predicates.add(cb.like(cb.lower(root.get(property.name())),
                        "%" + escapeLike(filter.equal().toString().toLowerCase(Locale.ROOT)) + "%", '\\'));
                case BOOLEAN -> predicates.add(cb.equal(root.get(property.name()), filter.equal()));
                case ENUM -> predicates.add(cb.equal(root.get(property.name()),
                        enumConstant(property.javaType(), filter.equal().toString())));
                case TO_ONE -> predicates.add(cb.equal(
                        root.get(property.name()).get(idName(property.javaType())), filter.equal()));
                case TO_MANY -> predicates.add(memberOf(cb, query, root, property, (Long) filter.equal()));
                default -> range(cb, root.get(property.name()), property, filter, predicates);
            }
        }
        return predicates.toArray(Predicate[]::new);
    }

    private <E> Predicate memberOf(CriteriaBuilder cb, CriteriaQuery<?> query, Root<E> root,
            PropertyDescriptor property, Long id) {
        Subquery<Integer> exists = query.subquery(Integer.class);
        Root<E> inner = exists.correlate(root);
        From<?, ?> member = inner.join(property.name());
        exists.select(cb.literal(1)).where(cb.equal(member.get(idName(property.javaType())), id));
        return cb.exists(exists);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void range(CriteriaBuilder cb, Path<?> path, PropertyDescriptor property, Filter filter,
            List<Predicate> predicates) {
        Expression<Comparable> expression = (Expression<Comparable>) path;
        if (filter.from() != null) {
            predicates.add(cb.greaterThanOrEqualTo(expression, attributeValue(property, filter.from())));
        }
        if (filter.to() != null) {
            predicates.add(cb.lessThanOrEqualTo(expression, attributeValue(property, filter.to())));
        }
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
            // a unique last key keeps page boundaries stable
            orders.add(cb.asc(root.get(id)));
        }
        return orders;
    }

    public <E> Optional<E> find(AdminView<E> view, String id) {
        Object key;
        try {
            key = parseId(view.idType(), id);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(view.type(), key));
    }

    /** Finds several rows by their ids, in any order; ids that do not parse are skipped. */
    public <E> List<E> findAll(AdminView<E> view, List<String> ids) {
        return ids.stream().map(id -> find(view, id)).flatMap(Optional::stream).toList();
    }

    static Object parseId(Class<?> idType, String id) {
        if (idType == Long.class || idType == long.class) {
            return Long.valueOf(id);
        }
        if (idType == Integer.class || idType == int.class) {
            return Integer.valueOf(id);
        }
        return id;
    }

    public String idName(Class<?> type) {
        var entity = em.getMetamodel().entity(type);
        return entity.getId(entity.getIdType().getJavaType()).getName();
    }

    private static Object enumConstant(Class<?> type, String name) {
        for (Object constant : type.getEnumConstants()) {
            if (((Enum<?>) constant).name().equals(name)) {
                return constant;
            }
        }
        throw new IllegalArgumentException(name);
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
