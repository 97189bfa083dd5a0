package org.gatehouse.service;

import static org.gatehouse.service.WriteSteps.apply;
import static org.gatehouse.service.WriteSteps.blank;
import static org.gatehouse.service.WriteSteps.english;
import static org.gatehouse.service.WriteSteps.hooked;
import static org.gatehouse.service.WriteSteps.requireCapability;
import static org.gatehouse.service.WriteSteps.requirePlainText;
import static org.gatehouse.service.WriteSteps.requireVersion;
import static org.gatehouse.service.WriteSteps.withNotes;
import static org.gatehouse.service.WriteSteps.withSecret;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.gatehouse.audit.AuditAction;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.identity.StepUp;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.Operation;
import org.gatehouse.metadata.Roles;
import org.gatehouse.metadata.ValueText;
import org.gatehouse.metadata.WriteHook;
import org.gatehouse.persistence.BaseEntity;

/**
 * The generic service of every registered entity, driven by its {@link AdminView}. Here: create,
 * edit and delete (into the view's trash if it keeps one), each checked before anything is written
 * (permission, step-up, field rules, row scope: {@link AccessChecks}), conflict-checked by version
 * and audited ({@link WriteSteps}). What a view adds to its writes (the users view's password) is
 * its {@link WriteHook}. Reads and bulk writes have
 * their own services beside it, each checking on every call: lists and exports
 * ({@link EntityLists}), single records, pickers and history ({@link EntityLookups}), what a
 * delete would meet ({@link DeleteChecks}), bulk deletes and actions ({@link BulkWrites}).
 */
@Stateless
@DeclareRoles({Roles.ADMIN, Roles.EDITOR, Roles.VIEWER})
@RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.VIEWER})
public class EntityService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private StepUp stepUp;

    @Inject
    private AccessChecks access;

    @Inject
    private EntityLookups lookups;

    @Inject
    private WriteSteps steps;

    // ---------------------------------------------------------------- writes

    /**
     * Persists a new record; {@code password} is what the form typed beside its properties, which
     * the view's {@link WriteHook} checks and stores (the users view's password).
     */
    public <E> E create(AdminView<E> shown, E entity, String password) {
        AdminView<E> view = steps.declared(shown);
        requireCapability(view.creatable(), "service.notCreatable");
        access.requireWrite(view, Operation.CREATE);
        requirePlainText(view, entity);
        if (view.stepUp().requiredFor(Operation.CREATE)) {
            stepUp.require("create " + english(view.singularLabel()) + " records");
        }
        access.requireUnchanged(
                view, ValueText.snapshot(view, blank(view)), ValueText.snapshot(view, entity), Operation.CREATE);
        WriteHook.Change<E> extra = hooked(() -> view.writeHook().onCreate(password));
        apply(extra, entity);
        em.persist(entity);
        steps.flush(view, null);
        access.requireInScope(view, entity, Operation.CREATE);
        String changes =
                AuditLog.diff(Map.of(), ValueText.snapshot(view, entity), Map.of(), ValueText.references(view, entity));
        steps.audit(view, AuditAction.CREATE, entity, withSecret(changes, extra));
        return entity;
    }

    /**
     * Saves an edited copy. The copy carries the version it was loaded with; if the row has
     * changed or disappeared since, nothing is written and a {@link ConflictException} says so.
     */
    public <E> E update(AdminView<E> shown, E edited, String newPassword) {
        return update(shown, edited, newPassword, Map.of());
    }

    /**
     * An {@link #update} whose audit entry also carries the given notes beside the changes, such
     * as {@code "@revertOf"} naming the entry a revert undoes. Note keys begin with {@code @}, so
     * they can never be taken for a property.
     */
    public <E> E update(AdminView<E> shown, E edited, String newPassword, Map<String, String> notes) {
        if (notes.keySet().stream().anyMatch(key -> !key.startsWith("@"))) {
            throw new IllegalArgumentException("audit notes begin with @: " + notes.keySet());
        }
        AdminView<E> view = steps.declared(shown);
        requireCapability(view.editable(), "service.notEditable");
        access.requireWrite(view, Operation.EDIT);
        requirePlainText(view, edited);
        String id = String.valueOf(((BaseEntity) edited).getId());
        E current = lookups.find(view, id).orElseThrow(() -> new ConflictException(id, true));
        requireVersion(current, ((BaseEntity) edited).getVersion(), id);
        Map<String, String> before = ValueText.snapshot(view, current);
        Map<String, String> referencesBefore = ValueText.references(view, current);
        access.requireUnchanged(view, before, ValueText.snapshot(view, edited), Operation.EDIT);
        WriteHook.Change<E> extra = hooked(() -> view.writeHook().onUpdate(current, newPassword));
        requireStepUpForEdit(view, before, ValueText.snapshot(view, edited), extra.properties());
        apply(extra, edited);
        E merged = em.merge(edited);
        steps.flush(view, id);
        access.requireInScope(view, merged, Operation.EDIT);
        String changes = withSecret(
                AuditLog.diff(
                        before, ValueText.snapshot(view, merged), referencesBefore, ValueText.references(view, merged)),
                extra);
        if (!"{}".equals(changes)) {
            steps.audit(view, AuditAction.UPDATE, merged, withNotes(changes, notes));
        }
        return merged;
    }

    /** Deletes one record loaded at {@code version}; stale or missing rows are a conflict. */
    public <E> void delete(AdminView<E> shown, String id, long version) {
        AdminView<E> view = steps.declared(shown);
        requireCapability(view.deletable(), "service.notDeletable");
        access.requireWrite(view, Operation.DELETE);
        if (view.stepUp().requiredFor(Operation.DELETE)) {
            stepUp.require("delete " + english(view.singularLabel()) + " records");
        }
        E current = lookups.find(view, id).orElseThrow(() -> new ConflictException(id, true));
        requireVersion(current, version, id);
        String changes = AuditLog.diff(ValueText.snapshot(view, current), Map.of());
        Map<String, String> trashed = steps.moveToTrash(view, current);
        em.remove(current);
        steps.flush(view, id);
        steps.audit(view, AuditAction.DELETE, current, withNotes(changes, trashed));
    }

    /** An edit that the view's {@link org.gatehouse.metadata.StepUpRule} calls dangerous needs a fresh proof of identity. */
    private void requireStepUpForEdit(
            AdminView<?> view, Map<String, String> before, Map<String, String> after, Set<String> hookSets) {
        boolean dangerous = view.stepUp().requiredFor(Operation.EDIT)
                || hookSets.stream().anyMatch(view.stepUp()::requiredWhenChanged)
                || view.stepUp().changedProperties().stream()
                        .anyMatch(property -> !Objects.equals(before.get(property), after.get(property)));
        if (dangerous) {
            stepUp.require("make this change to " + english(view.singularLabel()) + " records");
        }
    }
}
