package org.gatehouse.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh PostgreSQL database per test class, dropped when the test JVM exits. Fails loudly,
 * with the command to fix it, when PostgreSQL is not running.
 */
public final class TestDatabase {

    public static final String HOST = System.getProperty("gatehouse.it.pg", "127.0.0.1:5432");
    private static final String ADMIN_URL = "jdbc:postgresql://" + HOST + "/postgres";
    private static final String USER = System.getProperty("gatehouse.it.pg.user", "postgres");

    private final String name;

    private TestDatabase(String name) {
        this.name = name;
    }

    public static TestDatabase create() {
        String name =
                "gatehouse_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        onServer("CREATE DATABASE " + name);
        TestDatabase database = new TestDatabase(name);
        Runtime.getRuntime().addShutdownHook(new Thread(database::drop));
        return database;
    }

    public String url() {
        return "jdbc:postgresql://" + HOST + "/" + name;
    }

    public String user() {
        return USER;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), USER, "");
    }

    public void drop() {
        onServer("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    /** The first column of the first row a query answers, as a number (0 for SQL null); fails when there is no row. */
    public long number(String sql) throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            if (!rows.next()) {
                throw new AssertionError("no row from " + sql);
            }
            return rows.getLong(1);
        }
    }

    /** The first column of the first row a query answers, or null when there is no row. */
    public String text(String sql) throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    /** Runs a statement that answers no rows (set-up, or what another program would do to the data). */
    public void execute(String sql) throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void onServer(String sql) {
        try (Connection connection = DriverManager.getConnection(ADMIN_URL, USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "PostgreSQL is needed on " + HOST + " (user " + USER + ", trust auth)."
                            + " Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start"
                            + " -- cause: " + e.getMessage(),
                    e);
        }
    }
}
