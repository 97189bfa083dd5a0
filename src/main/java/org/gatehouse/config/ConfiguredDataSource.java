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
        throw new IllegalStateException(DatabaseSettings.URL_KEY
                + " must be a jdbc:postgresql: or jdbc:h2: URL, got " + settings.url());
    }

    @Override
    public Connection getConnection() throws SQLException {
        return StatementCounter.counting(delegate().getConnection());
    }

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
