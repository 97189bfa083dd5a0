package org.gatehouse.service;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Validator;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.gatehouse.audit.AuditAction;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.metadata.AdminRegistry;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.JsonTexts;
import org.gatehouse.metadata.Operation;
import org.gatehouse.metadata.Roles;
import org.gatehouse.metadata.ValueText;

/**
 * The trash of the views that keep one: {@link EntityService#delete} moves a record here (a row of
 * {@link TrashedRecord}) instead of deleting it for good, in the same transaction as the delete.
 * The record's own table then no longer holds it, so lists, counts, pickers, exports and unique
 * checks need no condition to leave it out. From here it is listed, restored with its old id (its
 * audit history goes on), or purged.
 * <p>
 * Every call needs the view's delete permission, checked against the roles the caller's account
 * holds now. A caller with a row scope lists and restores only the records their scope reaches
 * (evaluated on the record as it was, its relations as they are now) and sees no property hidden
 * from them.
 */
@Stateless
@DeclareRoles({Roles.ADMIN, Roles.EDITOR, Roles.VIEWER})
@RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.VIEWER})
public class Trash {

    /** The audit note of a delete into the trash and of a restore: the trash entry's id. */
    public static final String NOTE = "@trash";
    /** How many of a view's trashed records are read for a caller whose row scope is checked one record at a time. */
    static final int SCOPED_SCAN = 2_000;

    /** One trashed record as the trash page lists it: the texts of properties hidden from the caller are left out. */
    public record Item(
            long id,
            String recordId,
            String title,
            Map<String, String> shown,
            String deletedBy,
            OffsetDateTime deletedAt)
            implements Serializable {}

    /** One page of a view's trash and how many records it holds in all (for the caller and search). */
    public record Page(List<Item> items, long total) implements Serializable {}

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(Trash.class.getName());

    @PersistenceContext
    private EntityManager em;

    @Inject
    private EntityLookups lookups;

    @Inject
    private AdminRegistry registry;

    @Inject
    private AuditLog audit;

    @Inject
    private CallerRules callerRules;

    @Inject
    private Validator validator;

    @Inject
    private org.gatehouse.identity.StepUp stepUp;

    @Inject
    private AccessChecks access;

    // ---------------------------------------------------------------- what EntityService keeps

    /** The trash entry of a record about to be deleted, by the given user; the caller persists it. */
    static <E> TrashedRecord entry(AdminView<E> view, E entity, String deletedBy) {
        return TrashedRecords.entry(view, entity, deletedBy);
    }

    // ---------------------------------------------------------------- reading

    /** Whether the view keeps a trash and the caller may use it: what the list page's link asks. */
    public boolean available(AdminView<?> view) {
        return registry.keepsTrash(declared(view)) && access.can(view, Operation.DELETE);
    }

    /** How many records of the view's trash the caller may see (scoped callers: as far as {@value #SCOPED_SCAN} are read). */
    public long count(AdminView<?> shown) {
        return list(shown, null, 0, 1).total();
    }

    /**
     * A page of the view's trash, newest first, with the records whose title or searchable fields
     * contain {@code search} (any case).
     */
    public Page list(AdminView<?> shown, String search, int first, int max) {
        return reach(require(shown, "list")).page(search, first, max);
    }

    // ---------------------------------------------------------------- writing

    /**
     * Puts the given trashed records back, with their old ids, all or none: each is checked as a
     * create is (Bean Validation, unique keys, related records that must exist, the caller's row
     * scope) and a refusal names the record. Audited as {@code RESTORE} per record.
     *
     * @return how many records were restored
     * @throws WriteException when one cannot be restored (nothing is)
     */
    public int restore(AdminView<?> shown, Collection<Long> ids) {
        AdminView<?> view = require(shown, "restore");
        AccessChecks.requireSelectionSize(view, ids.size());
        if (view.stepUp().requiredFor(Operation.CREATE) || ids.size() > 1) {
            stepUp.require(ids.size() > 1 ? "restore several records at once" : "restore deleted records");
        }
        ViewTrash<?> reach = reach(view);
        int restored = 0;
        for (Long id : ids) {
            restoreOne(reach, reach.find(id));
            restored++;
        }
        return restored;
    }

    private <E> void restoreOne(ViewTrash<E> reach, TrashedRecord row) {
        AdminView<E> view = reach.view();
        E entity = reach.putBack(row, row.getTitle() == null ? "#" + row.getRecordId() : row.getTitle(), validator);
        if (lookups.find(view, row.getRecordId()).isEmpty()) {
            // outside the caller's scope after all (a relation's value changed since): undone
            refuse(view, "restore:scope");
        }
        String changes =
                AuditLog.diff(Map.of(), ValueText.snapshot(view, entity), Map.of(), ValueText.references(view, entity));
        audit.record(
                AuditAction.RESTORE,
                view.type().getSimpleName(),
                row.getRecordId(),
                row.getTitle(),
                TrashedRecords.withNote(changes, row.getId()));
    }

    /**
     * Deletes the given trashed records for good, all or none; audited as {@code PURGE} per record.
     *
     * @return how many records were purged
     */
    public int purge(AdminView<?> shown, Collection<Long> ids) {
        AdminView<?> view = require(shown, "purge");
        AccessChecks.requireSelectionSize(view, ids.size());
        if (view.stepUp().requiredFor(Operation.DELETE) || ids.size() > 1) {
            stepUp.require(ids.size() > 1 ? "delete several records for good" : "delete records for good");
        }
        ViewTrash<?> reach = reach(view);
        int purged = 0;
        for (Long id : ids) {
            TrashedRecord row = reach.find(id);
            em.remove(row);
            audit.record(
                    AuditAction.PURGE,
                    row.getEntityType(),
                    row.getRecordId(),
                    row.getTitle(),
                    JsonTexts.object()
                            .add(NOTE, String.valueOf(row.getId()))
                            .build()
                            .toString());
            purged++;
        }
        em.flush();
        return purged;
    }

    /** The view's trash as the caller reaches it (their rules as held now). */
    private <E> ViewTrash<E> reach(AdminView<E> view) {
        return new ViewTrash<>(em, lookups, view, access.rules(view), () -> callerRules.user(access.who()));
    }

    // ---------------------------------------------------------------- checks

    /** The declared view, if it keeps a trash and the caller may delete from it (their roles as held now); else refused. */
    private AdminView<?> require(AdminView<?> shown, String what) {
        AdminView<?> view = declared(shown);
        if (!registry.keepsTrash(view) || !access.can(view, Operation.DELETE)) {
            refuse(view, "trash:" + what);
        }
        return view;
    }

    private void refuse(AdminView<?> view, String what) {
        String who = access.who();
        LOG.warning(() -> "Forbidden: " + who + " may not " + view.name() + ":" + what);
        audit.securityEvent(AuditAction.FORBIDDEN, who, view.name() + ":" + what);
        throw new ForbiddenException(view.name() + " " + what.replace(':', ' '));
    }

    @SuppressWarnings("unchecked")
    private <E> AdminView<E> declared(AdminView<E> view) {
        return (AdminView<E>) registry.view(view.name()).orElse(view);
    }
}
