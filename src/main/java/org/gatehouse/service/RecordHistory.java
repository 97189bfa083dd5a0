package org.gatehouse.service;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
import org.gatehouse.metadata.PropertyKind;
import org.gatehouse.metadata.Roles;
import org.gatehouse.metadata.TextValues;
import org.gatehouse.metadata.ValueText;
import org.gatehouse.metadata.ViewRules;
import org.gatehouse.persistence.BaseEntity;
import org.gatehouse.metadata.JsonTexts;

/**
 * Reverts a record to what its audit trail says it was: "revert this change" puts back the fields
 * one entry changed, "restore this version" every field as it stood right after the entry. A
 * revert is computed as a {@link Preview} first and then saved as an ordinary edit through
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
    /** How many records a label is compared with when an old entry names a relation by label alone. */
    private static final int LABEL_CANDIDATES = 200;
    /** Entries that record an edit of the record's fields. */
    static final Set<AuditAction> REVERTIBLE = EnumSet.of(AuditAction.CREATE, AuditAction.UPDATE,
            AuditAction.BULK_ACTION);

    /** Which revert. */
    public enum Mode {
        /** The fields one entry changed, back to their values before it. */
        CHANGE,
        /** Every field back to its value right after the entry. */
        VERSION
    }

    /** One field as the revert would change it: its value now and after. */
    public record Step(PropertyDescriptor property, Object now, Object after) implements Serializable {
    }

    /**
     * A reason the revert cannot be made ({@code key} of the records bundle, the field, and the
     * recorded text it concerns), or a note about a field that is left as it is.
     */
    public record Remark(String key, String field, String value) implements Serializable {
    }

    /**
     * What a revert would do to the record as it is now (at {@code version}); it can be saved only
     * when nothing stands in its way and it changes something.
     */
    public record Preview(long entryId, Mode mode, OffsetDateTime entryAt, String entryActor, long version,
            List<Step> steps, List<Remark> problems, List<Remark> notes, Object record) implements Serializable {

        public boolean applicable() {
            return problems.isEmpty() && !steps.isEmpty();
        }
    }

    /** One field as an entry recorded it; a secret has neither value. */
    private record Recorded(String old, String now, String oldRef, String newRef, boolean referenced, boolean secret) {
    }

    @Inject
    private EntityService service;

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
        if (!view.editable() || !service.can(view, Operation.EDIT)) {
            String who = caller.getCallerPrincipal() == null ? null : caller.getCallerPrincipal().getName();
            audit.securityEvent(AuditAction.FORBIDDEN, who, view.name() + ":revert");
            throw new ForbiddenException(view.name() + " revert");
        }
        E record = service.find(view, recordId).orElse(null);
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
        List<Remark> problems = new ArrayList<>();
        List<Remark> notes = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        if (!REVERTIBLE.contains(entry.getAction())) {
            problems.add(new Remark("revert.problem.notAnEdit", null, null));
        } else if (mode == Mode.CHANGE && entry.getAction() == AuditAction.CREATE) {
            problems.add(new Remark("revert.problem.creation", null, null));
        } else {
            List<Map<String, Recorded>> changes = trail.stream().map(e -> parse(e.getChanges())).toList();
            // a version restores what the form edits; a change names its fields, read-only ones included
            Collection<String> fields = mode == Mode.CHANGE ? changes.get(at).keySet()
                    : view.formFields().stream().filter(p -> !p.readOnly()).map(PropertyDescriptor::name).toList();
            ViewRules rules = service.rules(view);
            for (String field : fields) {
                plan(view, rules, record, field, target(changes, at, field, mode), steps, problems, notes);
            }
        }
        long version = ((BaseEntity) record).getVersion();
        steps.forEach(step -> PropertyAccess.set(record, step.property().name(), step.after()));
        if (problems.isEmpty()) {
            for (ConstraintViolation<E> violation : validator.validate(record)) {
                problems.add(new Remark("revert.problem.invalid", violation.getPropertyPath().toString(),
                        violation.getMessage()));
            }
        }
        return Optional.of(new Preview(entryId, mode, entry.getAt(), entry.getActor(), version, List.copyOf(steps),
                List.copyOf(problems), List.copyOf(notes), record));
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
            throw new WriteException(null, org.gatehouse.i18n.Message.of(preview.problems().isEmpty()
                    ? "revert.nothing" : "revert.problem.summary"));
        }
        @SuppressWarnings("unchecked")
        E record = (E) preview.record();
        return Optional.of(service.update(shown, record, null,
                Map.of(mode == Mode.CHANGE ? REVERT_OF : RESTORE_OF, String.valueOf(entryId))));
    }

    /**
     * The recorded state a field goes back to: before the entry for a change; for a version, what
     * the last entry up to it wrote, or else what the first entry after it found. Empty when no
     * entry says (the field has not changed since: it stays).
     */
    private static Optional<Recorded> target(List<Map<String, Recorded>> changes, int at, String field, Mode mode) {
        if (mode == Mode.CHANGE) {
            return Optional.ofNullable(changes.get(at).get(field));
        }
        for (int i = at; i >= 0; i--) {
            Recorded recorded = changes.get(i).get(field);
            if (recorded != null) {
                return Optional.of(recorded.secret() ? recorded
                        : new Recorded(recorded.now(), recorded.now(), recorded.newRef(), recorded.newRef(),
                                recorded.referenced(), false));
            }
        }
        for (int i = at + 1; i < changes.size(); i++) {
            Recorded recorded = changes.get(i).get(field);
            if (recorded != null) {
                return Optional.of(recorded);
            }
        }
        return Optional.empty();
    }

    /** Adds what reverting one field takes: a step, a problem, a note, or nothing when it is as recorded. */
    private <E> void plan(AdminView<E> view, ViewRules rules, E record, String field, Optional<Recorded> target,
            List<Step> steps, List<Remark> problems, List<Remark> notes) {
        if (target.isEmpty() || rules.hidden().contains(field)) {
            // unchanged since, or not the caller's to see: never mentioned
            return;
        }
        Recorded recorded = target.get();
        PropertyDescriptor property = view.property(field).orElse(null);
        if (recorded.secret() || field.equals(view.passwordProperty()) || field.equals("password")) {
            addOnce(notes, new Remark("revert.note.secret", null, null));
            return;
        }
        if (property == null || property.name().equals("id")) {
            addOnce(notes, new Remark("revert.note.gone", field, null));
            return;
        }
        if (property.readOnly() || view.formFields().stream().noneMatch(p -> p.name().equals(field))) {
            notes.add(new Remark("revert.note.readOnly", field, null));
            return;
        }
        if (rules.readOnly().contains(field)) {
            notes.add(new Remark("revert.note.notYours", field, null));
            return;
        }
        Object now = PropertyAccess.get(record, field);
        Object after;
        try {
            after = property.isRelation() ? related(property, recorded, problems) : TextValues.parse(recorded.old(), property);
        } catch (TextValues.Unreadable e) {
            problems.add(new Remark("revert.problem.unreadable", field, recorded.old()));
            return;
        }
        if (after == UNRESOLVED) {
            return;
        }
        boolean same = ValueText.format(now, property).equals(ValueText.format(after, property));
        if (same && property.isRelation()) {
            same = references(now).equals(references(after));
        }
        if (!same) {
            steps.add(new Step(property, property.kind() == PropertyKind.TO_MANY && now != null
                    ? new LinkedHashSet<>((Collection<?>) now) : now, after));
        }
    }

    private static final Object UNRESOLVED = new Object();

    /**
     * The related record(s) a relation goes back to: by the ids the entry kept, or, for entries
     * written before ids were kept, by their labels when those name exactly one record each. A
     * record that no longer exists (or lies outside the caller's reach) is a problem, not a gap.
     */
    private Object related(PropertyDescriptor property, Recorded recorded, List<Remark> problems) {
        Class<?> type = property.javaType();
        var relatedView = registry.viewOf(type);
        List<String> keys = recorded.referenced() ? TextValues.ids(recorded.oldRef()) : TextValues.labels(recorded.old());
        if (keys.isEmpty()) {
            return property.kind() == PropertyKind.TO_MANY ? new LinkedHashSet<>() : null;
        }
        if (relatedView.isEmpty() || !service.can(relatedView.get(), Operation.VIEW)) {
            // never the recorded label: it names a record of a view the caller may not read
            problems.add(new Remark("revert.problem.relationHidden", property.name(), null));
            return UNRESOLVED;
        }
        Set<Object> found = new LinkedHashSet<>();
        for (String key : keys) {
            Object one = recorded.referenced() ? service.findByType(type, key).orElse(null) : byLabel(property, key, problems);
            if (one == UNRESOLVED) {
                return UNRESOLVED;
            }
            if (one == null) {
                // never the recorded label: the record may exist outside the caller's row scope
                problems.add(new Remark("revert.problem.gone", property.name(), null));
                return UNRESOLVED;
            }
            found.add(one);
        }
        return property.kind() == PropertyKind.TO_MANY ? found : found.iterator().next();
    }

    private Object byLabel(PropertyDescriptor property, String label, List<Remark> problems) {
        List<?> matches = service.suggest(property.javaType(), property.relatedLabel(), label, LABEL_CANDIDATES).stream()
                .filter(candidate -> label.equals(ValueText.label(candidate, property))).toList();
        if (matches.size() > 1) {
            problems.add(new Remark("revert.problem.ambiguous", property.name(), label));
            return UNRESOLVED;
        }
        return matches.isEmpty() ? null : matches.get(0);
    }

    private static String references(Object value) {
        Collection<?> items = value instanceof Collection<?> collection ? collection
                : value == null ? List.of() : List.of(value);
        return items.stream().map(item -> item instanceof BaseEntity entity ? String.valueOf(entity.getId()) : "")
                .sorted().toList().toString();
    }

    private static void addOnce(List<Remark> remarks, Remark remark) {
        if (!remarks.contains(remark)) {
            remarks.add(remark);
        }
    }

    /** An entry's changed fields; notes ({@code @action}, {@code @revertOf}) are not fields. */
    static Map<String, Recorded> parse(String json) {
        Map<String, Recorded> fields = new LinkedHashMap<>();
        if (json == null || json.isBlank()) {
            return fields;
        }
        try (JsonReader reader = JsonTexts.reader(json)) {
            JsonValue parsed = reader.readValue();
            if (!(parsed instanceof JsonObject object)) {
                return fields;
            }
            object.forEach((field, value) -> {
                if (field.startsWith("@")) {
                    return;
                }
                if (value instanceof JsonObject change) {
                    fields.put(field, new Recorded(text(change.get("old")), text(change.get("new")),
                            text(change.get("oldRef")), text(change.get("newRef")),
                            change.containsKey("oldRef") || change.containsKey("newRef"), false));
                } else {
                    // recorded as "changed", never with a value: a secret
                    fields.put(field, new Recorded(null, null, null, null, false, true));
                }
            });
        } catch (jakarta.json.JsonException e) {
            return new LinkedHashMap<>();
        }
        return fields;
    }

    private static String text(JsonValue value) {
        if (value == null || value == JsonValue.NULL) {
            return "";
        }
        return value instanceof JsonString string ? string.getString() : value.toString();
    }

    @SuppressWarnings("unchecked")
    private <E> AdminView<E> declared(AdminView<E> view) {
        return (AdminView<E>) registry.view(view.name()).orElse(view);
    }
}
