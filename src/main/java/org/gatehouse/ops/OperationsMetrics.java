package org.gatehouse.ops;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The application's MicroProfile Metrics: sign-ins by outcome, lockouts, admin writes by action
 * and the time list pages spend in their queries. Counts and timings only; no names, no ids.
 */
@ApplicationScoped
public class OperationsMetrics {

    @Inject
    MetricRegistry registry;

    /** Registers the counters at start-up, so that they read 0 instead of being absent until the first event. */
    void register(
            @jakarta.enterprise.event.Observes
                    @jakarta.enterprise.context.Initialized(jakarta.enterprise.context.ApplicationScoped.class)
                    Object started) {
        registry.counter("gatehouse.logins", new Tag("outcome", "ok"));
        registry.counter("gatehouse.logins", new Tag("outcome", "failed"));
        registry.counter("gatehouse.lockouts");
    }

    /** Counts a sign-in, by outcome. */
    public void signIn(boolean succeeded) {
        registry.counter("gatehouse.logins", new Tag("outcome", succeeded ? "ok" : "failed"))
                .inc();
    }

    public void lockout() {
        registry.counter("gatehouse.lockouts").inc();
    }

    /** Counts a committed admin write, by its action (create, edit, delete, bulk action names). */
    public void adminWrite(String action) {
        registry.counter("gatehouse.admin.writes", new Tag("action", action.toLowerCase(java.util.Locale.ROOT)))
                .inc();
    }

    /**
     * Time spent reading one list page (ids and rows) of a view: a histogram of whole milliseconds,
     * exported as they are. Payara's Prometheus output of a timer (or of a histogram with a time
     * unit) mixes units, quantiles in nanoseconds next to a sum in seconds, so no unit is declared.
     */
    public void listQuery(String view, Duration took) {
        registry.histogram(LIST_QUERY, new Tag("view", view)).update(took.toMillis());
    }

    private static final org.eclipse.microprofile.metrics.Metadata LIST_QUERY =
            org.eclipse.microprofile.metrics.Metadata.builder()
                    .withName("gatehouse.list.query.milliseconds")
                    .withUnit(org.eclipse.microprofile.metrics.MetricUnits.NONE)
                    .withDescription("Time spent reading one list page")
                    .build();
}
