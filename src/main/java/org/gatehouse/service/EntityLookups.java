package org.gatehouse.service;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.audit.HistoryItem;
import org.gatehouse.metadata.AdminRegistry;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.Operation;
import org.gatehouse.metadata.PlainText;
import org.gatehouse.metadata.PropertyDescriptor;
import org.gatehouse.metadata.PropertyKind;
import org.gatehouse.metadata.Roles;

/**
 * Single records as the caller may see them: one record of a view by id, related records for
 * pickers and filter chips, and a record's history. A record outside the caller's row scope is as
 * good as absent; related records need the right to view their own view.
 */
@Stateless
@DeclareRoles({Roles.ADMIN, Roles.EDITOR, Roles.VIEWER})
@RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.VIEWER})
public class EntityLookups {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AccessChecks access;

    @Inject
    private AuditLog audit;

    @Inject
    private AdminRegistry registry;

    /** The record with the given id, if it exists and lies within the caller's scope of the view. */
    public <E> Optional<E> find(AdminView<E> view, String id) {
        access.require(view, Operation.VIEW);
        Object key;
        try {
            key = parseId(view.idType(), id);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return query(view).find(view, key);
    }

    /** A related record by id, for pickers and filter chips: within the caller's scope of its view. */
    public <T> Optional<T> findByType(Class<T> type, String id) {
        access.requireViewOf(type);
        var entity = em.getMetamodel().entity(type);
        try {
            Object key = parseId(entity.getIdType().getJavaType(), id);
            return queryOf(type).inScope(type, List.of(key)).isEmpty()
                    ? Optional.empty()
                    : Optional.ofNullable(em.find(type, key));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Up to {@code limit} records of a related type whose title contains the text, for pickers. */
    public <T> List<T> suggest(Class<T> type, String titleProperty, String text, int limit) {
        access.requireViewOf(type);
        if (PlainText.hasForbiddenCharacters(text, false)) {
            return List.of();
        }
        return queryOf(type).suggest(type, titleProperty, text, limit);
    }

    /** The name of the entity's id attribute. */
    public String idName(Class<?> type) {
        return new EntityQuery(em, null).idName(type);
    }

    /** An id as typed (in a URL, a form, an audit entry) as a key of the given type. */
    static Object parseId(Class<?> idType, String id) {
        if (idType == Long.class || idType == long.class) {
            return Long.valueOf(id);
        }
        if (idType == Integer.class || idType == int.class) {
            return Integer.valueOf(id);
        }
        return id;
    }

    // ---------------------------------------------------------------- history

    /**
     * The audit entries of one record, newest first, for whoever may see the record; the values of
     * properties hidden from the caller are left out.
     */
    public List<HistoryItem> history(AdminView<?> view, String id, int limit) {
        if (find(view, id).isEmpty()) {
            return List.of();
        }
        Set<String> hidden = access.rules(view).hidden();
        return audit.history(view.type().getSimpleName(), id, limit).stream()
                .map(entry -> HistoryItem.of(entry).without(hidden))
                .map(item -> item.without(relationsOutOfScope(view, item)))
                .toList();
    }

    /**
     * The relation changes of a history entry that may name records outside the caller's scope of
     * the related view. The trail keeps related records by their titles, so a change is shown only
     * when each title it names is that of a record within the caller's scope (a title shared with a
     * record outside tells nothing more); lists of titles of a scoped view are left out.
     */
    private Set<String> relationsOutOfScope(AdminView<?> view, HistoryItem item) {
        Set<String> fields = new HashSet<>();
        for (var change : item.changes()) {
            PropertyDescriptor property = view.properties().get(change.field());
            AdminView<?> related = property == null || !property.isRelation()
                    ? null
                    : registry.viewOf(property.javaType()).orElse(null);
            if (related == null || !access.rules(related).scoped()) {
                continue;
            }
            boolean inScope = property.kind() != PropertyKind.TO_MANY
                    && Stream.of(change.before(), change.after())
                            .allMatch(title -> title == null
                                    || title.isEmpty()
                                    || query(related).hasTitle(related.type(), property.relatedLabel(), title));
            if (!inScope) {
                fields.add(change.field());
            }
        }
        return fields;
    }

    /** Queries of the view under the caller's row scope. */
    private EntityQuery query(AdminView<?> view) {
        return new EntityQuery(em, access.scope(view));
    }

    /** The query of a related type under the caller's scope of its view (none for types without a view). */
    private EntityQuery queryOf(Class<?> type) {
        return new EntityQuery(em, access.scopeOf(type));
    }
}
