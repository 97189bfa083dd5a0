package org.gatehouse.demo;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gatehouse.config.DatabaseSettings;
import org.gatehouse.config.SchemaMigration;

/**
 * Fills the demo shop once, when it is empty. {@code GATEHOUSE_DEMO_ROWS} orders (with a tenth as
 * many customers); the default is 1,000 on the embedded database and none on PostgreSQL, so a
 * production database never receives demo rows unless asked to.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionManagement(TransactionManagementType.BEAN)
public class DemoSeeder {

    static final int EMBEDDED_DEFAULT_ROWS = 1_000;
    private static final Logger LOG = Logger.getLogger(DemoSeeder.class.getName());

    @Resource(lookup = SchemaMigration.DATA_SOURCE)
    private DataSource dataSource;

    @Inject
    @ConfigProperty(name = "GATEHOUSE_DEMO_ROWS")
    private Optional<Integer> configuredRows;

    @PostConstruct
    void seedWhenEmpty() {
        int orders = configuredRows.orElse(DatabaseSettings.fromConfig().isEmbedded() ? EMBEDDED_DEFAULT_ROWS : 0);
        if (orders <= 0) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            DemoData data = new DemoData(orders);
            if (!data.isEmpty(connection)) {
                return;
            }
            long started = System.nanoTime();
            data.insert(connection);
            LOG.info(() -> String.format(
                    "Demo shop seeded: %,d orders, %,d customers, %,d products in %,d ms",
                    data.orders(), data.customers(), data.products(), (System.nanoTime() - started) / 1_000_000));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not seed the demo shop", e);
        }
    }
}
