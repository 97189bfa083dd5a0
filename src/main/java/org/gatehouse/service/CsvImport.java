package org.gatehouse.service;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.gatehouse.audit.AuditAction;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.i18n.Message;
import org.gatehouse.metadata.AdminRegistry;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.JsonTexts;
import org.gatehouse.metadata.Operation;
import org.gatehouse.metadata.PropertyDescriptor;
import org.gatehouse.metadata.Roles;
import org.gatehouse.service.ImportPlan.Outcome;
import org.gatehouse.service.ImportPlan.Problem;

/**
 * Imports a CSV file into a view: each row is read the way the form reads its fields and matched
 * on its id or the view's natural key ({@link ImportRows}): a new record, an update, or unchanged. The dry run does
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

    @Inject
    private EntityLookups lookups;

    @Inject
    private EntityService service;

    @Inject
    private AccessChecks access;

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
        return view.creatable() && access.can(view, Operation.CREATE)
                || view.editable() && access.can(view, Operation.EDIT);
    }

    /**
     * Reads every row of the file and says what importing it would do; writes nothing.
     *
     * @param mapping  for each header cell the property it fills, or null to leave the column out
     * @param progress counts the rows read, for a page that shows progress (may be null)
     */
    public <E> ImportPlan dryRun(
            AdminView<E> shown, CsvTable table, List<String> mapping, String fileName, AtomicInteger progress) {
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
    public <E> ImportPlan apply(
            AdminView<E> shown,
            CsvTable table,
            List<String> mapping,
            String fileName,
            boolean skipErrors,
            AtomicInteger progress) {
        return run(shown, table, mapping, fileName, true, skipErrors, progress);
    }

    private <E> ImportPlan run(
            AdminView<E> shown,
            CsvTable table,
            List<String> mapping,
            String fileName,
            boolean apply,
            boolean skipErrors,
            AtomicInteger progress) {
        @SuppressWarnings("unchecked")
        AdminView<E> view = (AdminView<E>) registry.view(shown.name()).orElseThrow();
        if (!allowed(view)) {
            String who = context.getCallerPrincipal() == null
                    ? null
                    : context.getCallerPrincipal().getName();
            audit.securityEvent(AuditAction.FORBIDDEN, who, view.name() + ":import");
            throw new ForbiddenException(view.name() + " import");
        }
        AdminView<E> seen = access.viewFor(view);
        requireMapping(table, mapping, ImportColumns.targets(seen));
        ImportRows<E> rows = new ImportRows<>(access, lookups, em, validator, registry, view, seen, mapping, table);
        int[] counts = new int[Outcome.values().length];
        int skipped = 0;
        List<ImportPlan.Row> shownRows = new ArrayList<>();
        int shownErrors = 0;
        int number = 1;
        for (String[] cells : table.rows()) {
            number++;
            ImportRows.Prepared<E> row = rows.prepare(number, cells);
            Outcome outcome = row.outcome();
            counts[outcome.ordinal()]++;
            if (outcome == Outcome.ERROR && apply) {
                if (!skipErrors) {
                    throw new ImportFailedException(number, row.problems());
                }
                skipped++;
            }
            if (apply && (outcome == Outcome.CREATE || outcome == Outcome.UPDATE)) {
                write(view, row.entity(), outcome, number);
                if ((counts[Outcome.CREATE.ordinal()] + counts[Outcome.UPDATE.ordinal()]) % BATCH == 0) {
                    em.flush();
                    em.clear();
                }
            }
            boolean error = outcome == Outcome.ERROR;
            if (shownRows.size() < ImportPlan.SHOWN || error && shownErrors < ImportPlan.SHOWN) {
                shownRows.add(new ImportPlan.Row(number, outcome, row.id(), List.copyOf(row.problems())));
                shownErrors += error ? 1 : 0;
            }
            if (progress != null) {
                progress.set(number - 1);
            }
        }
        int created = counts[Outcome.CREATE.ordinal()];
        int updated = counts[Outcome.UPDATE.ordinal()];
        int unchanged = counts[Outcome.UNCHANGED.ordinal()];
        ImportPlan plan = new ImportPlan(
                fileName,
                table.rows().size(),
                created,
                updated,
                unchanged,
                counts[Outcome.ERROR.ordinal()],
                skipped,
                apply,
                List.copyOf(shownRows));
        if (apply) {
            audit.record(
                    AuditAction.IMPORT,
                    view.type().getSimpleName(),
                    null,
                    fileName,
                    JsonTexts.object()
                            .add("@file", String.valueOf(fileName))
                            .add("@rows", plan.rows())
                            .add("@created", created)
                            .add("@updated", updated)
                            .add("@unchanged", unchanged)
                            .add("@skipped", skipped)
                            .build()
                            .toString());
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
            throw new ImportFailedException(
                    number, List.of(new Problem(ImportColumns.ID, Message.of("import.error.conflict"), null)));
        } catch (ForbiddenException e) {
            throw new ImportFailedException(
                    number, List.of(new Problem(null, Message.of("import.error.forbidden"), null)));
        }
    }
}
