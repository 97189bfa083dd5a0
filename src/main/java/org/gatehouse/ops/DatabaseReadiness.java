package org.gatehouse.ops;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.gatehouse.config.SchemaMigration;

/**
 * Ready when the schema is migrated and the database answers. Says only that much: no URL, no
 * user, no error text (the server log has the details).
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private static final int VALIDATION_SECONDS = 2;

    @Resource(lookup = SchemaMigration.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    SchemaMigration migration;

    @Override
    public HealthCheckResponse call() {
        boolean migrated = migration.isMigrated();
        boolean reachable = reachable();
        return HealthCheckResponse.named("database")
                .status(migrated && reachable)
                .withData("schema", migrated ? "migrated" : "not migrated")
                .withData("connection", reachable ? "ok" : "unavailable")
                .build();
    }

    private boolean reachable() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(VALIDATION_SECONDS);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }
}
