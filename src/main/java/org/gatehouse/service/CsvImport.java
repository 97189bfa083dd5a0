package org.gatehouse.service;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.gatehouse.audit.AuditAction;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.i18n.Message;
import org.gatehouse.metadata.AdminRegistry;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.Operation;
import org.gatehouse.metadata.PropertyAccess;
import org.gatehouse.metadata.PropertyDescriptor;
import org.gatehouse.metadata.PropertyKind;
import org.gatehouse.metadata.Roles;
import org.gatehouse.metadata.TextValues;
import org.gatehouse.metadata.ValueText;
import org.gatehouse.persistence.BaseEntity;
import org.gatehouse.service.ImportPlan.Outcome;
import org.gatehouse.service.ImportPlan.Problem;

/**
 * Imports a CSV file into a view: each row is read the way the form reads its fields (the cell's
 * text as {@link TextValues} reads the export, relations by label or id within the caller's reach,
 * Bean Validation) and matched on its id: a new record, an update, or unchanged. The dry run does
 * all of that in a transaction that is rolled back; the import does it again and writes each row
 * through {@link EntityService#create}/{@link EntityService#update} (permissions, step-up, row
 * scopes, field rules, one audit entry per record) in one transaction, flushed and cleared in
 * batches, and records one {@link AuditAction#IMPORT} entry naming the file and the counts. A row in
 * error fails the whole import unless rows with errors are to be skipped; a refusal of the database
 * always fails it: nothing is written then.
 */
@Stateless
@RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.VIEWER})
public class CsvImport {

    /** Rows written between two flushes of the persistence context. */
    static final int BATCH = 100;
    /** How many records a label is compared with when a relation is named by label. */
    private static final int LABEL_CANDIDATES = 200;

    @Inject
    private EntityService service;

    @Inject
    private AdminRegistry registry;

    @Inject
    private AuditLog audit;

    @Inject
    private Validator validator;

    @PersistenceContext
    private EntityManager em;

    @Resource
    private SessionContext context;

    /** Whether the caller may import into the view at all: create or edit. */
    public boolean allowed(AdminView<?> view) {
        return view.creatable() && service.can(view, Operation.CREATE) || view.editable() && service.can(view, Operation.EDIT);
    }

    /**
     * Reads every row of the file and says what importing it would do; writes nothing.
     *
     * @param mapping  for each header cell the property it fills, or null to leave the column out
     * @param progress counts the rows read, for a page that shows progress (may be null)
     */
    public <E> ImportPlan dryRun(AdminView<E> shown, CsvTable table, List<String> mapping, String fileName,
            AtomicInteger progress) {
        try {
            return run(shown, table, mapping, fileName, false, false, progress);
        } finally {
            context.setRollbackOnly();
        }
    }

    /**
     * Imports the file: all rows or none, or, with {@code skipErrors}, every row but those in
     * error.
     *
     * @throws ImportFailedException when a row is in error (and not to be skipped) or the database
     *                               refuses a row; nothing is written then
     */
    public <E> ImportPlan apply(AdminView<E> shown, CsvTable table, List<String> mapping, String fileName,
            boolean skipErrors, AtomicInteger progress) {
        return run(shown, table, mapping, fileName, true, skipErrors, progress);
    }

    private <E> ImportPlan run(AdminView<E> shown, CsvTable table, List<String> mapping, String fileName,
            boolean apply, boolean skipErrors, AtomicInteger progress) {
        @SuppressWarnings("unchecked")
        AdminView<E> view = (AdminView<E>) registry.view(shown.name()).orElseThrow();
        if (!allowed(view)) {
            String who = context.getCallerPrincipal() == null ? null : context.getCallerPrincipal().getName();
            audit.securityEvent(AuditAction.FORBIDDEN, who, view.name() + ":import");
            throw new ForbiddenException(view.name() + " import");
        }
        AdminView<E> seen = service.viewFor(view);
        Map<String, PropertyDescriptor> targets = ImportColumns.targets(seen);
        requireMapping(table, mapping, targets);
        boolean mayCreate = view.creatable() && service.can(view, Operation.CREATE);
        boolean mayEdit = view.editable() && service.can(view, Operation.EDIT);
        Map<String, Object> related = new HashMap<>();
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int errors = 0;
        int skipped = 0;
        List<ImportPlan.Row> shownRows = new ArrayList<>();
        int shownErrors = 0;
        int number = 1;
        for (String[] cells : table.rows()) {
            number++;
            Prepared<E> row = prepare(view, seen, targets, table.header().size(), cells, mapping, mayCreate, mayEdit,
                    related);
            if (row.outcome() == Outcome.ERROR) {
                errors++;
                if (apply && !skipErrors) {
                    throw new ImportFailedException(number, row.problems());
                }
                skipped += apply ? 1 : 0;
            } else if (row.outcome() == Outcome.CREATE) {
                created++;
            } else if (row.outcome() == Outcome.UPDATE) {
                updated++;
            } else {
                unchanged++;
            }
            if (apply && (row.outcome() == Outcome.CREATE || row.outcome() == Outcome.UPDATE)) {
                write(view, row.entity(), row.outcome(), number);
                if ((created + updated) % BATCH == 0) {
                    em.flush();
                    em.clear();
                }
            }
            boolean error = row.outcome() == Outcome.ERROR;
            if (shownRows.size() < ImportPlan.SHOWN || error && shownErrors < ImportPlan.SHOWN) {
                shownRows.add(new ImportPlan.Row(number, row.outcome(), row.id(), List.copyOf(row.problems())));
                shownErrors += error ? 1 : 0;
            }
            if (progress != null) {
                progress.set(number - 1);
            }
        }
        ImportPlan plan = new ImportPlan(fileName, table.rows().size(), created, updated, unchanged, errors, skipped,
                apply, List.copyOf(shownRows));
        if (apply) {
            audit.record(AuditAction.IMPORT, view.type().getSimpleName(), null, fileName, Json.createObjectBuilder()
                    .add("@file", String.valueOf(fileName)).add("@rows", plan.rows()).add("@created", created)
                    .add("@updated", updated).add("@unchanged", unchanged).add("@skipped", skipped).build().toString());
        }
        return plan;
    }

    /** Each column maps to nothing or to a property the caller may see, no property twice, at least one. */
    private static void requireMapping(CsvTable table, List<String> mapping, Map<String, PropertyDescriptor> targets) {
        if (mapping == null || mapping.size() != table.header().size()) {
            throw new WriteException(null, Message.of("import.mapping.invalid"));
        }
        Set<String> used = new HashSet<>();
        for (String property : mapping) {
            if (property == null) {
                continue;
            }
            if (!targets.containsKey(property)) {
                throw new WriteException(null, Message.of("import.mapping.invalid"));
            }
            if (!used.add(property)) {
                throw new WriteException(property, Message.of("import.mapping.twice"));
            }
        }
        if (used.isEmpty() || used.equals(Set.of(ImportColumns.ID))) {
            throw new WriteException(null, Message.of("import.mapping.none"));
        }
    }

    private <E> void write(AdminView<E> view, E entity, Outcome outcome, int number) {
        try {
            if (outcome == Outcome.CREATE) {
                service.create(view, entity, null);
            } else {
                service.update(view, entity, null);
            }
        } catch (WriteException e) {
            throw new ImportFailedException(number, List.of(new Problem(e.getField(), e.getText(), null)));
        } catch (ConflictException e) {
            throw new ImportFailedException(number, List.of(new Problem(ImportColumns.ID,
                    Message.of("import.error.conflict"), null)));
        } catch (ForbiddenException e) {
            throw new ImportFailedException(number, List.of(new Problem(null, Message.of("import.error.forbidden"), null)));
        }
    }

    /** One row made ready: the record to write (new, or a detached copy of the stored one) and what it takes. */
    private record Prepared<E>(Outcome outcome, String id, E entity, List<Problem> problems) {
    }

    private <E> Prepared<E> prepare(AdminView<E> view, AdminView<E> seen, Map<String, PropertyDescriptor> targets,
            int columns, String[] cells, List<String> mapping, boolean mayCreate, boolean mayEdit,
            Map<String, Object> related) {
        List<Problem> problems = new ArrayList<>();
        if (cells.length != columns) {
            problems.add(new Problem(null, Message.of("import.error.cells", cells.length, columns), null));
            return new Prepared<>(Outcome.ERROR, null, null, problems);
        }
        int idColumn = mapping.indexOf(ImportColumns.ID);
        String id = idColumn < 0 ? "" : ImportColumns.undefused(cells[idColumn]).strip();
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
            entity = blank(view);
        } else {
            outcome = Outcome.UPDATE;
            entity = service.find(view, id).orElse(null);
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
        Set<String> writable = new HashSet<>();
        seen.formFields().stream().filter(p -> !p.readOnly()).forEach(p -> writable.add(p.name()));
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
                value = property.isRelation() ? related(property, ImportColumns.undefused(cell), related)
                        : ImportColumns.value(cell, property);
            } catch (TextValues.Unreadable e) {
                problems.add(new Problem(name, Message.of("import.error.unreadable"), null));
                continue;
            } catch (RelationProblem e) {
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
        if (problems.isEmpty()) {
            for (ConstraintViolation<E> violation : validator.validate(entity)) {
                problems.add(new Problem(violation.getPropertyPath().toString(), null, violation.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            return new Prepared<>(Outcome.ERROR, id.isEmpty() ? null : id, null, problems);
        }
        if (outcome == Outcome.UPDATE && before.equals(ValueText.snapshot(view, entity))
                && referencesBefore.equals(ValueText.references(view, entity))) {
            return new Prepared<>(Outcome.UNCHANGED, id, null, problems);
        }
        return new Prepared<>(outcome, id.isEmpty() ? null : id, entity, problems);
    }

    /** A relation that cannot be resolved; its message is a bundle key. */
    private static final class RelationProblem extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RelationProblem(String key) {
            super(key, null, false, false);
        }
    }

    /** The related record(s) a cell names, by label, else by id; never anything outside the caller's reach. */
    private Object related(PropertyDescriptor property, String text, Map<String, Object> cache) {
        boolean many = property.kind() == PropertyKind.TO_MANY;
        List<String> keys = many ? TextValues.labels(text) : text.isEmpty() ? List.of() : List.of(text);
        if (keys.isEmpty()) {
            return many ? new LinkedHashSet<>() : null;
        }
        var relatedView = registry.viewOf(property.javaType());
        if (relatedView.isEmpty() || !service.can(relatedView.get(), Operation.VIEW)) {
            throw new RelationProblem("import.error.relationHidden");
        }
        Set<Object> found = new LinkedHashSet<>();
        for (String key : keys) {
            String cacheKey = property.name() + '\n' + key;
            Object one = cache.get(cacheKey);
            if (one == null) {
                one = resolve(property, key);
                cache.put(cacheKey, one);
            }
            if (one instanceof String problem) {
                throw new RelationProblem(problem);
            }
            found.add(one);
        }
        return many ? found : found.iterator().next();
    }

    /** The one record a label or id names, or the bundle key saying why there is none. */
    private Object resolve(PropertyDescriptor property, String key) {
        List<?> matches = service.suggest(property.javaType(), property.relatedLabel(), key, LABEL_CANDIDATES).stream()
                .filter(candidate -> key.equals(ValueText.label(candidate, property))).toList();
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.size() > 1) {
            return "import.error.relationAmbiguous";
        }
        if (key.matches("\\d{1,18}")) {
            Object byId = service.findByType(property.javaType(), key).orElse(null);
            if (byId != null) {
                return byId;
            }
        }
        return "import.error.relationMissing";
    }

    private static <E> E blank(AdminView<E> view) {
        try {
            var constructor = view.type().getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(view.type().getName() + " has no constructor without arguments", e);
        }
    }
}
