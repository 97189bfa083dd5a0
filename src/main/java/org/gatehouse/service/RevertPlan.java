package org.gatehouse.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.PropertyAccess;
import org.gatehouse.metadata.PropertyDescriptor;
import org.gatehouse.metadata.PropertyKind;
import org.gatehouse.metadata.TextValues;
import org.gatehouse.metadata.ValueText;
import org.gatehouse.metadata.ViewRules;
import org.gatehouse.persistence.BaseEntity;
import org.gatehouse.service.RecordHistory.Remark;
import org.gatehouse.service.RecordHistory.Step;

/**
 * What a revert of one record takes, field by field, as {@link RecordHistory} previews it: the
 * steps that put a field back, the problems that stand in the way, the notes about fields left as
 * they are. A field hidden from the caller, or unchanged since, is never mentioned; a relation goes
 * back only to records within the caller's reach ({@link RevertRelations}).
 */
final class RevertPlan<E> {

    private final AdminView<E> view;
    private final RevertRelations relations;
    private final List<Step> steps = new ArrayList<>();
    private final List<Remark> problems = new ArrayList<>();
    private final List<Remark> notes = new ArrayList<>();

    RevertPlan(AdminView<E> view, RevertRelations relations) {
        this.view = view;
        this.relations = relations;
    }

    List<Step> steps() {
        return List.copyOf(steps);
    }

    List<Remark> problems() {
        return List.copyOf(problems);
    }

    List<Remark> notes() {
        return List.copyOf(notes);
    }

    /** A reason the whole revert cannot be made. */
    void problem(Remark problem) {
        problems.add(problem);
    }

    /**
     * Adds what reverting one field to its recorded state takes: a step, a problem, a note, or
     * nothing when it is as recorded.
     *
     * @param rules  the caller's field rules for the view
     * @param target the recorded state; empty when the field has not changed since
     */
    void field(ViewRules rules, E record, String field, Optional<RecordedChanges.Recorded> target) {
        if (target.isEmpty() || rules.hidden().contains(field)) {
            // unchanged since, or not the caller's to see: never mentioned
            return;
        }
        RecordedChanges.Recorded recorded = target.get();
        PropertyDescriptor property = view.property(field).orElse(null);
        if (recorded.secret() || field.equals(view.passwordProperty()) || field.equals("password")) {
            addOnce(notes, new Remark("revert.note.secret", null, null));
            return;
        }
        if (property == null || property.name().equals("id")) {
            addOnce(notes, new Remark("revert.note.gone", field, null));
            return;
        }
        if (property.readOnly()
                || view.formFields().stream().noneMatch(p -> p.name().equals(field))) {
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
            after = property.isRelation()
                    ? relations.resolve(property, recorded, problems)
                    : TextValues.parse(recorded.old(), property);
        } catch (TextValues.Unreadable e) {
            problems.add(new Remark("revert.problem.unreadable", field, recorded.old()));
            return;
        }
        if (after == RevertRelations.UNRESOLVED) {
            return;
        }
        boolean same = ValueText.format(now, property).equals(ValueText.format(after, property));
        if (same && property.isRelation()) {
            same = references(now).equals(references(after));
        }
        if (!same) {
            steps.add(new Step(
                    property,
                    property.kind() == PropertyKind.TO_MANY && now != null
                            ? new LinkedHashSet<>((Collection<?>) now)
                            : now,
                    after));
        }
    }

    /** The ids a relation's value names, sorted: two values with the same labels may still name other records. */
    static String references(Object value) {
        Collection<?> items =
                value instanceof Collection<?> collection ? collection : value == null ? List.of() : List.of(value);
        return items.stream()
                .map(item -> item instanceof BaseEntity entity ? String.valueOf(entity.getId()) : "")
                .sorted()
                .toList()
                .toString();
    }

    private static void addOnce(List<Remark> remarks, Remark remark) {
        if (!remarks.contains(remark)) {
            remarks.add(remark);
        }
    }
}
