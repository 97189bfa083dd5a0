package org.gatehouse.service;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gatehouse.audit.AuditAction;
import org.gatehouse.audit.AuditEntry;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.metadata.AdminRegistry;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.Operation;
import org.gatehouse.metadata.PropertyAccess;
import org.gatehouse.metadata.PropertyDescriptor;
import org.gatehouse.metadata.Roles;
import org.gatehouse.metadata.ViewRules;
import org.gatehouse.persistence.BaseEntity;

/**
 * Reverts a record to what its audit trail says it was: "revert this change" puts back the fields
 * one entry changed, "restore this version" every field as it stood right after the entry. A
 * revert is computed as a {@link Preview} first (field by field in {@link RevertPlan}) and then saved as an ordinary edit through
 * {@link EntityService#update}, so permissions, step-up, row scopes, field rules, Bean Validation
 * and the optimistic lock all apply; its audit entry names the entry it reverts
 * ({@value #REVERT_OF} or {@value #RESTORE_OF}).
 * <p>
 * No transaction of its own: each service call is one, so the record is edited as a detached copy
 * exactly as the form edits it, and the save is one transaction.
 */
@Stateless
@RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.VIEWER})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RecordHistory {

    /** The audit note of a reverted change: the id of the entry it undoes. */
    public static final String REVERT_OF = "@revertOf";
    /** The audit note of a restored version: the id of the entry whose state it restores. */
    public static final String RESTORE_OF = "@restoreOf";

    /** How many entries of one record are read back; older ones cannot be reverted to. */
    static final int ENTRIES = 2_000;
    /** Entries that record an edit of the record's fields. */
    static final Set<AuditAction> REVERTIBLE =
            EnumSet.of(AuditAction.CREATE, AuditAction.UPDATE, AuditAction.BULK_ACTION);

    /** Which revert. */
    public enum Mode {
        /** The fields one entry changed, back to their values before it. */
        CHANGE,
        /** Every field back to its value right after the entry. */
        VERSION
    }

    /** One field as the revert would change it: its value now and after. */
    public record Step(PropertyDescriptor property, Object now, Object after) implements Serializable {}

    /**
     * A reason the revert cannot be made ({@code key} of the records bundle, the field, and the
     * recorded text it concerns), or a note about a field that is left as it is.
     */
    public record Remark(String key, String field, String value) implements Serializable {}

    /**
     * What a revert would do to the record as it is now (at {@code version}); it can be saved only
     * when nothing stands in its way and it changes something.
     */
    public record Preview(
            long entryId,
            Mode mode,
            OffsetDateTime entryAt,
            String entryActor,
            long version,
            List<Step> steps,
            List<Remark> problems,
            List<Remark> notes,
            Object record)
            implements Serializable {

        public boolean applicable() {
            return problems.isEmpty() && !steps.isEmpty();
        }
    }

    @Inject
    private EntityService service;

    @Inject
    private AccessChecks access;

    @Inject
    private EntityLookups lookups;

    @Inject
    private AuditLog audit;

    @Inject
    private AdminRegistry registry;

    @Inject
    private Validator validator;

    @jakarta.annotation.Resource
    private jakarta.ejb.SessionContext caller;

    /**
     * What reverting the given entry would do to the record. Empty when the caller may not see the
     * record or the entry is not one of the record's (so a crafted id tells nothing).
     *
     * @throws ForbiddenException when the caller may not edit the view
     */
    public <E> Optional<Preview> preview(AdminView<E> shown, String recordId, long entryId, Mode mode) {
        AdminView<E> view = declared(shown);
        if (!view.editable() || !access.can(view, Operation.EDIT)) {
            String who = caller.getCallerPrincipal() == null
                    ? null
                    : caller.getCallerPrincipal().getName();
            audit.securityEvent(AuditAction.FORBIDDEN, who, view.name() + ":revert");
            throw new ForbiddenException(view.name() + " revert");
        }
        E record = lookups.find(view, recordId).orElse(null);
        if (record == null) {
            return Optional.empty();
        }
        String id = String.valueOf(((BaseEntity) record).getId());
        List<AuditEntry> trail = new ArrayList<>(audit.history(view.type().getSimpleName(), id, ENTRIES));
        java.util.Collections.reverse(trail);
        int at = -1;
        for (int i = 0; i < trail.size(); i++) {
            if (trail.get(i).getId() == entryId) {
                at = i;
            }
        }
        if (at < 0) {
            return Optional.empty();
        }
        AuditEntry entry = trail.get(at);
        RevertPlan<E> plan = new RevertPlan<>(view, new RevertRelations(access, lookups, registry));
        if (!REVERTIBLE.contains(entry.getAction())) {
            plan.problem(new Remark("revert.problem.notAnEdit", null, null));
        } else if (mode == Mode.CHANGE && entry.getAction() == AuditAction.CREATE) {
            plan.problem(new Remark("revert.problem.creation", null, null));
        } else {
            List<Map<String, RecordedChanges.Recorded>> changes = trail.stream()
                    .map(e -> RecordedChanges.parse(e.getChanges()))
                    .toList();
            // a version restores what the form edits; a change names its fields, read-only ones included
            Collection<String> fields = mode == Mode.CHANGE
                    ? changes.get(at).keySet()
                    : view.formFields().stream()
                            .filter(p -> !p.readOnly())
                            .map(PropertyDescriptor::name)
                            .toList();
            ViewRules rules = access.rules(view);
            for (String field : fields) {
                plan.field(rules, record, field, RecordedChanges.target(changes, at, field, mode));
            }
        }
        long version = ((BaseEntity) record).getVersion();
        plan.steps().forEach(step -> PropertyAccess.set(record, step.property().name(), step.after()));
        if (plan.problems().isEmpty()) {
            for (ConstraintViolation<E> violation : validator.validate(record)) {
                plan.problem(new Remark(
                        "revert.problem.invalid", violation.getPropertyPath().toString(), violation.getMessage()));
            }
        }
        return Optional.of(new Preview(
                entryId,
                mode,
                entry.getAt(),
                entry.getActor(),
                version,
                plan.steps(),
                plan.problems(),
                plan.notes(),
                record));
    }

    /**
     * Saves the revert the caller previewed at {@code shownVersion}: a record changed since is a
     * conflict, whatever the change, and nothing is written.
     *
     * @return the saved record, or empty when the record or entry is not (or no longer) there for the caller
     * @throws WriteException when the preview has problems or changes nothing
     */
    public <E> Optional<E> apply(AdminView<E> shown, String recordId, long entryId, Mode mode, long shownVersion) {
        Preview preview = preview(shown, recordId, entryId, mode).orElse(null);
        if (preview == null) {
            return Optional.empty();
        }
        if (preview.version() != shownVersion) {
            throw new ConflictException(recordId, false);
        }
        if (!preview.applicable()) {
            throw new WriteException(
                    null,
                    org.gatehouse.i18n.Message.of(
                            preview.problems().isEmpty() ? "revert.nothing" : "revert.problem.summary"));
        }
        @SuppressWarnings("unchecked")
        E record = (E) preview.record();
        return Optional.of(service.update(
                shown, record, null, Map.of(mode == Mode.CHANGE ? REVERT_OF : RESTORE_OF, String.valueOf(entryId))));
    }

    @SuppressWarnings("unchecked")
    private <E> AdminView<E> declared(AdminView<E> view) {
        return (AdminView<E>) registry.view(view.name()).orElse(view);
    }
}
