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
        LOG.info(() ->
                "Gatehouse database: " + (settings.isEmbedded() ? "embedded H2 at " + settings.url() : settings.url()));
        MigrateResult result = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                // shared migrations, plus those only PostgreSQL can run (trigram search indexes)
                .locations(
                        settings.isPostgres()
                                ? new String[] {"classpath:db/migration", "classpath:db/vendor/postgresql"}
                                : new String[] {"classpath:db/migration"})
                .cleanDisabled(true)
                .load()
                .migrate();
        migrated = true;
        LOG.info(() -> "Schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied now)");
    }

    public boolean isMigrated() {
        return migrated;
    }
}
