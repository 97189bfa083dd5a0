package org.gatehouse.demo;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;

/**
 * The deterministic demo data set: the same row count always gives the same rows, so tests and
 * benchmarks see identical data. Written with JDBC batches, which is what makes a million rows
 * take seconds rather than minutes.
 */
public final class DemoData {

    public static final OffsetDateTime EPOCH = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final String[] FIRST = {
        "Ada",
        "Alan",
        "Grace",
        "Linus",
        "Margaret",
        "Dennis",
        "Barbara",
        "Ken",
        "Frances",
        "Edsger",
        "Radia",
        "Donald",
        "Hedy",
        "John",
        "Sophie",
        "Tim",
        "Katherine",
        "Guido",
        "Anita",
        "Bjarne"
    };
    private static final String[] LAST = {
        "Smith",
        "Lovelace",
        "Turing",
        "Hopper",
        "Torvalds",
        "Hamilton",
        "Ritchie",
        "Liskov",
        "Thompson",
        "Allen",
        "Dijkstra",
        "Perlman",
        "Knuth",
        "Lamarr",
        "Backus",
        "Wilson",
        "Berners-Lee",
        "Johnson",
        "Rossum",
        "Borg"
    };
    private static final String[] CITIES = {
        "Lisbon", "Berlin", "Paris", "Madrid", "Rome", "Vienna", "Prague", "Oslo", "Dublin", "Warsaw"
    };
    private static final String[] COUNTRIES = {"PT", "DE", "FR", "ES", "IT", "AT", "CZ", "NO", "IE", "PL"};
    private static final String[] GOODS = {
        "Keyboard", "Mouse", "Monitor", "Cable", "Dock", "Headset", "Webcam", "Laptop stand", "Desk lamp", "Notebook"
    };
    private static final OrderStatus[] STATUSES = OrderStatus.values();
    private static final int BATCH = 1_000;

    private final int orders;
    private final int customers;
    private final int products;

    public DemoData(int orders) {
        this.orders = orders;
        this.customers = Math.max(1, orders / 10);
        this.products = Math.min(500, Math.max(10, orders / 100));
    }

    public int orders() {
        return orders;
    }

    public int customers() {
        return customers;
    }

    public int products() {
        return products;
    }

    boolean isEmpty(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM customers")) {
            rows.next();
            return rows.getLong(1) == 0;
        }
    }

    /** Customer number {@code n} (1-based) as the seeder writes it; tests use it to know the data. */
    public static String customerEmail(int n) {
        return FIRST[n % FIRST.length].toLowerCase() + "."
                + LAST[(n / FIRST.length) % LAST.length].toLowerCase().replace("-", "") + n + "@example.com";
    }

    public static String customerName(int n) {
        return FIRST[n % FIRST.length] + " " + LAST[(n / FIRST.length) % LAST.length];
    }

    public static String orderReference(int n) {
        return String.format("ORD-%06d", n);
    }

    /** Order {@code n} is created {@code n} × 7 minutes after {@link #EPOCH}. */
    public static OffsetDateTime orderCreatedAt(int n) {
        return EPOCH.plusMinutes(7L * n);
    }

    public static OrderStatus orderStatus(int n) {
        return STATUSES[new Random(n * 31L).nextInt(STATUSES.length)];
    }

    public void insert(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            insertCustomers(connection);
            insertProducts(connection);
            insertOrders(connection);
            restartSequence(connection, "customers_seq", customers);
            restartSequence(connection, "products_seq", products);
            restartSequence(connection, "orders_seq", orders);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private void insertCustomers(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO customers"
                + " (id, name, email, city, country, created_at, version) VALUES (?, ?, ?, ?, ?, ?, 0)")) {
            for (int n = 1; n <= customers; n++) {
                insert.setLong(1, n);
                insert.setString(2, customerName(n));
                insert.setString(3, customerEmail(n));
                insert.setString(4, CITIES[n % CITIES.length]);
                insert.setString(5, COUNTRIES[n % COUNTRIES.length]);
                insert.setObject(6, EPOCH.minusDays(365).plusMinutes(53L * n));
                batch(insert, n);
            }
            insert.executeBatch();
        }
    }

    private void insertProducts(Connection connection) throws SQLException {
        Random random = new Random(7);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO products"
                + " (id, sku, name, description, price, stock, active, version) VALUES (?, ?, ?, ?, ?, ?, ?, 0)")) {
            for (int n = 1; n <= products; n++) {
                insert.setLong(1, n);
                insert.setString(2, String.format("SKU-%05d", n));
                insert.setString(3, GOODS[n % GOODS.length] + " " + n);
                insert.setString(4, "A fine " + GOODS[n % GOODS.length].toLowerCase() + " for the office.");
                insert.setBigDecimal(5, BigDecimal.valueOf(500 + random.nextInt(50_000), 2));
                insert.setInt(6, random.nextInt(1_000));
                insert.setBoolean(7, n % 9 != 0);
                batch(insert, n);
            }
            insert.executeBatch();
        }
    }

    private void insertOrders(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO orders (id, reference,"
                + " customer_id, status, total, created_at, shipped_at, note, version)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)")) {
            for (int n = 1; n <= orders; n++) {
                OrderStatus status = orderStatus(n);
                OffsetDateTime created = orderCreatedAt(n);
                insert.setLong(1, n);
                insert.setString(2, orderReference(n));
                insert.setLong(3, 1 + (long) ((n * 7919L) % customers));
                insert.setString(4, status.name());
                insert.setBigDecimal(5, BigDecimal.valueOf(1_000 + (n * 7_331L) % 250_000, 2));
                insert.setObject(6, created);
                boolean shipped = status == OrderStatus.SHIPPED || status == OrderStatus.DELIVERED;
                insert.setObject(7, shipped ? created.plusDays(2) : null, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
                insert.setString(8, n % 5 == 0 ? "Leave at the front desk." : null);
                batch(insert, n);
            }
            insert.executeBatch();
        }
    }

    private static void batch(PreparedStatement insert, int n) throws SQLException {
        insert.addBatch();
        if (n % BATCH == 0) {
            insert.executeBatch();
        }
    }

    /** Moves a sequence past the seeded ids, in the allocation steps the entities use. */
    private static void restartSequence(Connection connection, String sequence, int maxId) throws SQLException {
        long next = ((maxId / 50) + 2) * 50L;
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER SEQUENCE " + sequence + " RESTART WITH " + next);
        }
    }
}
