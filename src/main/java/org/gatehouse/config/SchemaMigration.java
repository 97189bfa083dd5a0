package org.gatehouse.config;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date at deployment, before any request is served. The schema is
 * owned by Flyway's versioned migrations alone: JPA never creates or drops a table.
 * Bean-managed transactions, because Flyway commits each migration itself.
 */
@DataSourceDefinition(
        name = SchemaMigration.DATA_SOURCE,
        className = "org.gatehouse.config.ConfiguredDataSource",
        minPoolSize = 2,
        maxPoolSize = 32,
        properties = {
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=custom-validation",
            "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
            "fish.payara.fail-all-connections=true"
        })
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

    public static final String DATA_SOURCE = "java:app/jdbc/gatehouse";

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = DATA_SOURCE)
    private DataSource dataSource;

    private volatile boolean migrated;

    @PostConstruct
    void migrate() {
        DatabaseSettings settings = DatabaseSettings.fromConfig();
        LOG.info(() -> "Gatehouse database: " + (settings.isEmbedded()
                ? "embedded H2 at " + settings.url() : settings.url()));
        MigrateResult result;
        try {
            result = migrate(settings);
        } catch (RuntimeException e) {
            if (settings.isEmbedded() && isDatabaseInUse(e)) {
                // refuse to start, in words an operator can act on; readiness stays DOWN (no application)
                LOG.severe(() -> "Gatehouse cannot start: the embedded database " + settings.url()
                        + " is in use by another process (another Gatehouse, or an H2 tool). Stop that process,"
                        + " or give this server its own GATEHOUSE_DATA_DIR, or use PostgreSQL (GATEHOUSE_DB_URL).");
            }
            throw e;
        }
        migrated = true;
        LOG.info(() -> "Schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied now)");
    }

    /** H2 refuses a second process on the same file with error 90020 ("Database may be already in use"). */
    static boolean isDatabaseInUse(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && sql.getErrorCode() == 90020
                    || cause.getMessage() != null && cause.getMessage().contains("Database may be already in use")) {
                return true;
            }
        }
        return false;
    }

    private MigrateResult migrate(DatabaseSettings settings) {
        return Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                // shared migrations, plus those only PostgreSQL can run (trigram search indexes)
                .locations(settings.isPostgres()
                        ? new String[] {"classpath:db/migration", "classpath:db/vendor/postgresql"}
                        : new String[] {"classpath:db/migration"})
                .cleanDisabled(true)
                .load()
                .migrate();
    }

    public boolean isMigrated() {
        return migrated;
    }
}
