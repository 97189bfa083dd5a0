package org.gatehouse.service;

import jakarta.persistence.EntityManager;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gatehouse.i18n.Message;
import org.gatehouse.metadata.AdminRegistry;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.Operation;
import org.gatehouse.metadata.PropertyAccess;
import org.gatehouse.metadata.PropertyDescriptor;
import org.gatehouse.metadata.TextValues;
import org.gatehouse.metadata.ValueText;
import org.gatehouse.service.ImportPlan.Outcome;
import org.gatehouse.service.ImportPlan.Problem;

/**
 * Reads the rows of one import, one at a time, the way the form reads its fields: each cell as
 * {@link TextValues} reads the export, relations by label or id within the caller's reach
 * ({@link ImportRelations}), then Bean Validation. A row names the record it updates by its id or,
 * without one, by the view's natural key ({@link AdminRegistry#naturalKey}, looked up by
 * {@link NaturalKeys}); a record named twice in one file is an error on the second row. Lives for
 * one import: it remembers the records the file named so far.
 */
final class ImportRows<E> {

    /** One row made ready: the record to write (new, or a detached copy of the stored one) and what it takes. */
    record Prepared<E>(Outcome outcome, String id, E entity, List<Problem> problems) {}

    private final AccessChecks access;
    private final EntityLookups lookups;
    private final EntityManager em;
    private final Validator validator;
    private final AdminView<E> view;
    private final Map<String, PropertyDescriptor> targets;
    private final List<String> mapping;
    private final int columns;
    private final boolean mayCreate;
    private final boolean mayEdit;
    private final Set<String> writable = new HashSet<>();
    private final int idColumn;
    private final PropertyDescriptor naturalKey;
    private final int keyColumn;
    private final NaturalKeys<E> naturalKeys;
    private final ImportRelations relations;
    /** The records named so far ({@code id:…} or {@code key:…}) and the row that named each. */
    private final Map<String, Integer> named = new HashMap<>();

    ImportRows(
            AccessChecks access,
            EntityLookups lookups,
            EntityManager em,
            Validator validator,
            AdminRegistry registry,
            AdminView<E> view,
            AdminView<E> seen,
            List<String> mapping,
            CsvTable table) {
        this.access = access;
        this.lookups = lookups;
        this.em = em;
        this.validator = validator;
        this.view = view;
        this.targets = ImportColumns.targets(seen);
        this.mapping = mapping;
        this.columns = table.header().size();
        this.mayCreate = view.creatable() && access.can(view, Operation.CREATE);
        this.mayEdit = view.editable() && access.can(view, Operation.EDIT);
        seen.formFields().stream().filter(p -> !p.readOnly()).forEach(p -> writable.add(p.name()));
        this.idColumn = mapping.indexOf(ImportColumns.ID);
        this.naturalKey = registry.naturalKey(view)
                .filter(key -> mapping.contains(key.name()))
                .orElse(null);
        this.keyColumn = naturalKey == null ? -1 : mapping.indexOf(naturalKey.name());
        this.naturalKeys = naturalKey == null
                ? null
                : new NaturalKeys<>(lookups, em, view, naturalKey, table, idColumn, keyColumn);
        this.relations = new ImportRelations(access, lookups, registry);
    }

    /** The row with the given number (the header is row 1): what importing it does. */
    Prepared<E> prepare(int number, String[] cells) {
        List<Problem> problems = new ArrayList<>();
        if (cells.length != columns) {
            problems.add(new Problem(null, Message.of("import.error.cells", cells.length, columns), null));
            return new Prepared<>(Outcome.ERROR, null, null, problems);
        }
        String id = idColumn < 0 ? "" : ImportColumns.undefused(cells[idColumn]).strip();
        String nameProblem = id.isEmpty() ? null : once("id:" + id, number);
        String keyField = ImportColumns.ID;
        if (id.isEmpty() && keyColumn >= 0) {
            keyField = naturalKey.name();
            try {
                Object key = ImportColumns.value(cells[keyColumn], naturalKey);
                Object found = key == null ? null : naturalKeys.idOf(key, number - 2);
                nameProblem = key == null ? null : once("key:" + ValueText.format(key, naturalKey), number);
                id = found == null ? "" : String.valueOf(found);
                if (nameProblem == null && found != null) {
                    nameProblem = once("id:" + id, number);
                }
                if (found != null && lookups.find(view, id).isEmpty()) {
                    // the key is taken by a record outside the caller's reach: neither theirs to change nor free
                    problems.add(new Problem(keyField, Message.of("import.error.keyTaken"), null));
                    return new Prepared<>(Outcome.ERROR, null, null, problems);
                }
            } catch (TextValues.Unreadable e) {
                // reported with the other cells below
            }
        }
        if (nameProblem != null) {
            problems.add(new Problem(keyField, Message.of("import.error.twice", nameProblem), null));
            return new Prepared<>(Outcome.ERROR, id.isEmpty() ? null : id, null, problems);
        }
        E entity;
        Outcome outcome;
        if (id.isEmpty()) {
            outcome = Outcome.CREATE;
            if (!mayCreate) {
                problems.add(new Problem(null, Message.of("import.error.noCreate"), null));
                return new Prepared<>(Outcome.ERROR, null, null, problems);
            }
            if (view.passwordProperty() != null) {
                problems.add(new Problem(null, Message.of("import.error.password"), null));
                return new Prepared<>(Outcome.ERROR, null, null, problems);
            }
            entity = WriteSteps.blank(view);
        } else {
            outcome = Outcome.UPDATE;
            entity = lookups.find(view, id).orElse(null);
            if (entity == null) {
                // also a record outside the caller's scope: as if it did not exist
                problems.add(new Problem(ImportColumns.ID, Message.of("import.error.noRecord"), null));
                return new Prepared<>(Outcome.ERROR, id, null, problems);
            }
            if (!mayEdit) {
                problems.add(new Problem(null, Message.of("import.error.noEdit"), null));
                return new Prepared<>(Outcome.ERROR, id, null, problems);
            }
            em.detach(entity);
        }
        Map<String, String> before = ValueText.snapshot(view, entity);
        Map<String, String> referencesBefore = ValueText.references(view, entity);
        fill(entity, cells, outcome, before, problems);
        if (problems.isEmpty()) {
            for (ConstraintViolation<E> violation : validator.validate(entity)) {
                problems.add(new Problem(violation.getPropertyPath().toString(), null, violation.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            return new Prepared<>(Outcome.ERROR, id.isEmpty() ? null : id, null, problems);
        }
        if (outcome == Outcome.UPDATE
                && before.equals(ValueText.snapshot(view, entity))
                && referencesBefore.equals(ValueText.references(view, entity))) {
            return new Prepared<>(Outcome.UNCHANGED, id, null, problems);
        }
        return new Prepared<>(outcome, id.isEmpty() ? null : id, entity, problems);
    }

    /** Null the first time a file names a record; the number of the row that named it first otherwise. */
    private String once(String record, int number) {
        Integer first = named.putIfAbsent(record, number);
        return first == null ? null : String.valueOf(first);
    }

    /** Sets every mapped cell's value on the record, or says why a cell cannot be read or changed. */
    private void fill(E entity, String[] cells, Outcome outcome, Map<String, String> before, List<Problem> problems) {
        for (int column = 0; column < cells.length; column++) {
            String name = mapping.get(column);
            if (name == null || name.equals(ImportColumns.ID)) {
                continue;
            }
            PropertyDescriptor property = targets.get(name);
            String cell = cells[column];
            if (ImportColumns.looksLikeFormula(cell, property)) {
                problems.add(new Problem(name, Message.of("import.error.formula"), null));
                continue;
            }
            Object value;
            try {
                value = property.isRelation()
                        ? relations.related(property, ImportColumns.undefused(cell))
                        : ImportColumns.value(cell, property);
            } catch (TextValues.Unreadable e) {
                problems.add(new Problem(name, Message.of("import.error.unreadable"), null));
                continue;
            } catch (ImportRelations.RelationProblem e) {
                problems.add(new Problem(name, Message.of(e.getMessage()), null));
                continue;
            }
            if (writable.contains(name)) {
                PropertyAccess.set(entity, name, value);
            } else if (outcome == Outcome.UPDATE
                    && !ValueText.format(value, property).equals(before.get(name))) {
                // shown to the caller but not theirs to change, as on the form
                problems.add(new Problem(name, Message.of("import.error.readOnly"), null));
            }
        }
    }
}
