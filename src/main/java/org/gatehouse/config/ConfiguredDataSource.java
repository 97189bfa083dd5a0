package org.gatehouse.config;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The physical data source behind the application's pooled {@code java:app/jdbc/gatehouse}.
 * The container pools it; this class only decides, from {@link DatabaseSettings}, whether the
 * connections come from PostgreSQL or from the embedded H2 file database. Keeping the decision
 * here lets the same WAR run with or without configuration on Payara Micro and Payara Server.
 */
public class ConfiguredDataSource implements DataSource {

    private volatile DataSource delegate;
    private PrintWriter logWriter;
    private int loginTimeout;

    private DataSource delegate() {
        DataSource current = delegate;
        if (current == null) {
            synchronized (this) {
                if (delegate == null) {
                    delegate = create(DatabaseSettings.fromConfig());
                }
                current = delegate;
            }
        }
        return current;
    }

    static DataSource create(DatabaseSettings settings) {
        settings.prepare();
        if (settings.isPostgres()) {
            PGSimpleDataSource postgres = new PGSimpleDataSource();
            postgres.setURL(settings.url());
            if (settings.user() != null) {
                postgres.setUser(settings.user());
            }
            if (settings.password() != null) {
                postgres.setPassword(settings.password());
            }
            postgres.setApplicationName("gatehouse");
            // an unreachable host fails a connection attempt in seconds, not after the driver's default
            postgres.setConnectTimeout(5);
            // one multi-row INSERT per JDBC batch: what makes seeding a million rows quick
            postgres.setReWriteBatchedInserts(true);
            return postgres;
        }
        if (settings.isEmbedded()) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(settings.url());
            h2.setUser(settings.user());
            h2.setPassword(settings.password() == null ? "" : settings.password());
            return h2;
        }
        throw new IllegalStateException(
                DatabaseSettings.URL_KEY + " must be a jdbc:postgresql: or jdbc:h2: URL, got " + settings.url());
    }

    @Override
    public Connection getConnection() throws SQLException {
        try {
            return StatementCounter.counting(delegate().getConnection());
        } catch (SQLException e) {
            if (e.getErrorCode() == H2_DATABASE_IN_USE && !inUseReported.getAndSet(true)) {
                // the one line an operator needs, before the container's long reports of the failed deployment
                LOG.severe(() -> "Gatehouse cannot start: its embedded database is in use by another process (another"
                        + " Gatehouse, or an H2 tool): "
                        + DatabaseSettings.fromConfig().url() + ". Stop that process,"
                        + " give this server its own GATEHOUSE_DATA_DIR, or use PostgreSQL (GATEHOUSE_DB_URL).");
            }
            throw e;
        }
    }

    /** H2's error code for a database file another process holds open. */
    static final int H2_DATABASE_IN_USE = 90020;

    private static final java.util.logging.Logger LOG =
            java.util.logging.Logger.getLogger(ConfiguredDataSource.class.getName());
    private final java.util.concurrent.atomic.AtomicBoolean inUseReported =
            new java.util.concurrent.atomic.AtomicBoolean();

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        // credentials come from configuration, never from the pool definition
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("Not a wrapper of " + type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
