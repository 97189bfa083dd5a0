package org.gatehouse.service;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gatehouse.i18n.Texts;
import org.gatehouse.identity.StepUp;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.Operation;
import org.gatehouse.metadata.Roles;
import org.gatehouse.ops.OperationsMetrics;

/**
 * The rows of a list as the caller may see them: pages, the count a list shows, and the batches
 * of a CSV export. Paging, sorting, filtering and counting run in the database ({@link EntityQuery});
 * related entities shown in the list are fetched with the page, never one query per row. Every
 * call needs the view's view permission, sorts and filters only by properties the caller sees, and
 * reads only the rows their scope reaches.
 */
@Stateless
@DeclareRoles({Roles.ADMIN, Roles.EDITOR, Roles.VIEWER})
@RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.VIEWER})
public class EntityLists {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AccessChecks access;

    @Inject
    private RowEstimates estimates;

    @Inject
    private OperationsMetrics metrics;

    @Inject
    private StepUp stepUp;

    /** How far a filtered result is counted before it is shown as "more than". */
    @Inject
    @ConfigProperty(name = "GATEHOUSE_COUNT_CAP", defaultValue = "10000")
    private int countCap;

    /**
     * One page of rows in the request's order. The page's ids are found first, from the indexes
     * alone where possible, and only those rows are then read with what their columns show:
     * deep pages skip over index entries rather than whole rows.
     */
    public <E> List<E> page(AdminView<E> view, ListRequest request) {
        access.require(view, Operation.VIEW);
        long started = System.nanoTime();
        try {
            return query(view).page(access.checked(view, request), request);
        } finally {
            metrics.listQuery(view.name(), Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /**
     * The count a list page shows. Unfiltered large tables on PostgreSQL use the planner's row
     * estimate ({@code pg_class.reltuples}) instead of scanning; filtered results are counted up
     * to the cap and then read "more than"; everything small is exact.
     */
    public ListCount listCount(AdminView<?> view, ListRequest request) {
        access.require(view, Operation.VIEW);
        AdminView<?> seen = access.checked(view, request);
        // a scoped list is counted like a filtered one, up to the cap: the planner's estimate counts
        // every row of the table, which would tell a scoped caller how many lie outside their scope
        if (request.search() == null
                && request.filters().isEmpty()
                && !access.rules(view).scoped()) {
            var estimate = estimates.ofBigTable(view.type());
            return estimate.isPresent()
                    ? new ListCount(estimate.getAsLong(), ListCount.Kind.ESTIMATE)
                    : new ListCount(count(view, request), ListCount.Kind.EXACT);
        }
        return cappedCount(seen, request);
    }

    private <E> ListCount cappedCount(AdminView<E> view, ListRequest request) {
        return query(view).cappedCount(view, request, countCap);
    }

    /** How many rows the filtered result holds, exactly. */
    public long count(AdminView<?> view, ListRequest request) {
        access.require(view, Operation.VIEW);
        return query(view).count(access.checked(view, request), request);
    }

    /**
     * One batch of an export: up to {@code limit} rows of the filtered result with ids above
     * {@code afterId}, in id order. Each batch is its own short transaction, so an export of any
     * size never holds a long transaction or the whole result in memory.
     */
    public <E> List<E> exportBatch(AdminView<E> view, ListRequest request, Long afterId, int limit) {
        access.require(view, Operation.VIEW);
        List<E> rows = query(view).exportBatch(access.checked(view, request), request, afterId, limit);
        int page = view.pageSizes().stream().mapToInt(Integer::intValue).max().orElse(0);
        if (afterId != null || rows.size() > page) {
            // more than a page leaves the console: only after a fresh proof of identity
            stepUp.require("export more than a page of "
                    + Texts.label(Locale.ENGLISH, view.label()).toLowerCase(Locale.ROOT));
        }
        return rows;
    }

    /** Queries of the view under the caller's row scope. */
    private EntityQuery query(AdminView<?> view) {
        return new EntityQuery(em, access.scope(view));
    }
}
