package org.gatehouse.service;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Table;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gatehouse.config.DatabaseSettings;

/**
 * How many rows a big table has, as PostgreSQL's planner estimates it ({@code pg_class.reltuples},
 * kept current by autovacuum's analyze): what an unfiltered list of a big table shows instead of
 * counting. Being an estimate anyway, a big table's figure is read at most once every few seconds
 * and shared by all requests; small tables (counted exactly instead) are asked each time, so a
 * table that grows past the threshold is noticed at once.
 */
@ApplicationScoped
public class RowEstimates {

    private static final long FRESH_NANOS = TimeUnit.SECONDS.toNanos(10);

    @PersistenceContext
    private EntityManager em;

    /** The configured point from which a whole-table count is replaced by the planner's estimate. */
    @Inject
    @ConfigProperty(name = "GATEHOUSE_ESTIMATE_THRESHOLD", defaultValue = "100000")
    private long threshold;

    private boolean postgres;
    private final Map<Class<?>, Estimate> big = new ConcurrentHashMap<>();

    private record Estimate(long rows, long readAt) {}

    @PostConstruct
    void readSettings() {
        postgres = DatabaseSettings.fromConfig().isPostgres();
    }

    /** The estimate of the entity's table when it has at least the threshold's rows; empty otherwise. */
    public OptionalLong ofBigTable(Class<?> type) {
        Estimate known = big.get(type);
        long now = System.nanoTime();
        if (known != null && now - known.readAt() < FRESH_NANOS) {
            return OptionalLong.of(known.rows());
        }
        long rows = read(type);
        if (rows < threshold) {
            big.remove(type);
            return OptionalLong.empty();
        }
        big.put(type, new Estimate(rows, now));
        return OptionalLong.of(rows);
    }

    /** -1 on other databases or for a table never analysed. */
    private long read(Class<?> type) {
        Table table = type.getAnnotation(Table.class);
        if (table == null || !postgres) {
            return -1;
        }
        Object estimate = em.createNativeQuery(
                        "select cast(reltuples as bigint) from pg_class where oid = to_regclass(?)")
                .setParameter(1, table.name())
                .getResultStream()
                .findFirst()
                .orElse(null);
        return estimate == null ? -1 : ((Number) estimate).longValue();
    }
}
