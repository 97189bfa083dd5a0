package org.gatehouse.service;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.gatehouse.metadata.AdminView;

/**
 * The conditions of a list query ({@link EntityQuery}): the caller's row scope, the search over
 * the view's searchable properties and the request's filters, all of which a row must meet.
 */
final class ListPredicates {

    private static final int RELATED_MATCH_LIMIT = 1_000;

    private final EntityManager em;
    /** The caller's row scope; null: every row. */
    private final ScopePredicate scope;

    private final Function<Class<?>, String> idName;

    ListPredicates(EntityManager em, ScopePredicate scope, Function<Class<?>, String> idName) {
        this.em = em;
        this.scope = scope;
        this.idName = idName;
    }

    /** What a row of the view must meet to be in the request's list. */
    <E> Predicate[] of(
            CriteriaBuilder cb, CriteriaQuery<?> query, Root<E> root, AdminView<E> view, ListRequest request) {
        List<Predicate> predicates = new ArrayList<>();
        if (scope != null) {
            predicates.add(scope.of(cb, root, em.getMetamodel()));
        }
        if (request.search() != null) {
            String pattern = "%" + EntityQuery.escapeLike(request.search().toLowerCase(Locale.ROOT)) + "%";
            predicates.add(cb.or(view.searchable().stream()
                    .map(p -> p.name().contains(".")
                            ? relatedMatch(cb, root, p.name(), pattern)
                            : cb.like(cb.lower(root.get(p.name())), pattern, '\\'))
                    .toArray(Predicate[]::new)));
        }
        FilterQuery filterQuery = new FilterQuery(cb, query, root, idName);
        for (Filter filter : request.filters().values()) {
            predicates.addAll(filter.predicates(filterQuery));
        }
        return predicates.toArray(Predicate[]::new);
    }

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
        related.select(target.get(idName.apply(type))).where(cb.like(cb.lower(target.get(attribute)), pattern, '\\'));
        List<Object> ids =
                em.createQuery(related).setMaxResults(RELATED_MATCH_LIMIT).getResultList();
        return ids.isEmpty()
                ? cb.disjunction()
                : root.get(relation).get(idName.apply(type)).in(ids);
    }
}
