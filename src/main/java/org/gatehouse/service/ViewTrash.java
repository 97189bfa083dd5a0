package org.gatehouse.service;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.gatehouse.i18n.Message;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.ViewRules;

/**
 * One view's trash as one caller reaches it: the page the trash page lists (newest first, searched
 * in the texts each record keeps, properties hidden from the caller left out) and the trashed
 * record a restore or purge names. A caller with a row scope reaches only the records it holds for
 * (the record as it was, its relations as they are now), checked one record at a time. No
 * permission checks: {@link Trash} makes them before it asks.
 */
final class ViewTrash<E> {

    private final EntityManager em;
    private final EntityLookups lookups;
    private final AdminView<E> view;
    /** The caller's rules for the view. */
    private final ViewRules rules;
    /** The caller's values a row scope names, read when a scope is first checked. */
    private final Supplier<Map<String, Object>> user;

    ViewTrash(
            EntityManager em,
            EntityLookups lookups,
            AdminView<E> view,
            ViewRules rules,
            Supplier<Map<String, Object>> user) {
        this.em = em;
        this.lookups = lookups;
        this.view = view;
        this.rules = rules;
        this.user = user;
    }

    /**
     * A page of the trash with the records whose title or searchable fields contain {@code search}
     * (any case); a scoped caller's from the newest {@value Trash#SCOPED_SCAN} only.
     */
    Trash.Page page(String search, int first, int max) {
        Set<String> hidden = rules.hidden();
        // the title and the searchable fields are searched: a caller from whom one of them is hidden cannot
        // search (the search would tell what it holds); one from whom the title is hidden sees records by id
        boolean titleHidden = hidden.contains(view.titleProperty());
        boolean searchHidden = titleHidden
                || view.searchable().stream()
                        .anyMatch(p -> hidden.contains(p.name())
                                || hidden.contains(p.name().split("\\.")[0]));
        String pattern = searchHidden ? "" : TrashedRecords.pattern(search);
        if (pattern == null) {
            return new Trash.Page(List.of(), 0);
        }
        int from = Math.max(0, first);
        int size = Math.max(1, Math.min(max, view.maxPageSize()));
        if (!rules.scoped()) {
            List<TrashedRecord> rows = query(pattern, TrashedRecord.class, "t")
                    .setFirstResult(from)
                    .setMaxResults(size)
                    .getResultList();
            long total = query(pattern, Long.class, "count(t)").getSingleResult();
            return new Trash.Page(
                    rows.stream()
                            .map(row -> TrashedRecords.item(row, hidden, titleHidden))
                            .toList(),
                    total);
        }
        List<TrashedRecord> reachable =
                query(pattern, TrashedRecord.class, "t").setMaxResults(Trash.SCOPED_SCAN).getResultList().stream()
                        .filter(this::inScope)
                        .toList();
        return new Trash.Page(
                reachable.stream()
                        .skip(from)
                        .limit(size)
                        .map(row -> TrashedRecords.item(row, hidden, titleHidden))
                        .toList(),
                reachable.size());
    }

    private <T> TypedQuery<T> query(String pattern, Class<T> type, String select) {
        String order = type == Long.class ? "" : " order by t.deletedAt desc, t.id desc";
        TypedQuery<T> query = em.createQuery(
                        "select " + select + " from TrashedRecord t where t.viewName = :view"
                                + (pattern.isEmpty() ? "" : " and t.searchText like :pattern escape '\\'") + order,
                        type)
                .setParameter("view", view.name());
        return pattern.isEmpty() ? query : query.setParameter("pattern", pattern);
    }

    /** The trashed record with the id, if the caller reaches it; else a write that cannot be made. */
    TrashedRecord find(Long id) {
        TrashedRecord row = id == null ? null : em.find(TrashedRecord.class, id);
        if (row == null || !row.getViewName().equals(view.name()) || rules.scoped() && !inScope(row)) {
            // never said which: restored or purged meanwhile, another view's, or outside the caller's scope
            throw new WriteException(null, Message.of("trash.gone"));
        }
        return row;
    }

    AdminView<E> view() {
        return view;
    }

    /**
     * Puts the trashed record back with its old id, checked as a create is (Bean Validation, unique
     * keys, related records that must exist); a refusal names the record by {@code title}.
     *
     * @return the record as stored again
     */
    E putBack(TrashedRecord row, String title, Validator validator) {
        E entity = TrashedRecords.rebuild(em, lookups, view, row, title);
        for (ConstraintViolation<E> violation : validator.validate(entity)) {
            throw new WriteException(
                    violation.getPropertyPath().toString(), Message.of("trash.invalid", title, violation.getMessage()));
        }
        em.persist(entity);
        em.remove(row);
        try {
            em.flush();
        } catch (PersistenceException e) {
            WriteException refusal =
                    ConstraintMessages.translate(view.properties().values(), e);
            boolean duplicate = "service.duplicate".equals(refusal.getText().key())
                    || "service.duplicate.record".equals(refusal.getText().key());
            throw new WriteException(
                    refusal.getField(),
                    duplicate
                            ? Message.of("trash.clash", title)
                            : Message.of(
                                    "trash.refused", title, refusal.getText().text(Locale.ENGLISH)));
        }
        return entity;
    }

    /** Whether every condition of the caller's scopes holds for the trashed record (as it was, its relations as now). */
    private boolean inScope(TrashedRecord row) {
        try {
            Object entity = TrashedRecords.rebuild(em, lookups, view, row, "");
            return TrashedRecords.inScope(entity, rules, user.get());
        } catch (WriteException unreadable) {
            return false;
        }
    }
}
