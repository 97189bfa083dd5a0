package org.gatehouse.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.gatehouse.it.Browser;
import org.gatehouse.it.Deployments;
import org.gatehouse.it.HttpSession;
import org.gatehouse.it.TestDatabase;
import org.gatehouse.it.fixtures.TestUsers;
import org.gatehouse.it.pages.DashboardPage;
import org.gatehouse.it.pages.Layout;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The dashboard over rows and audit entries seeded into the last weeks: an administrator sees the
 * charts drawn (records created per day, sign-ins per day) with the numbers the database holds,
 * and the recent activity; a viewer never sees an entry about a view they may not open, nor the
 * security events; an anonymous visitor is sent to sign in.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DashboardIT {

    private static final TestDatabase DATABASE = TestDatabase.create();

    /** Labels of audit entries a viewer must never see: about users, a role, and a security event. */
    private static final String HIDDEN_USER = "hidden-user-7f3a@dash.test";

    private static final String HIDDEN_ROLE = "hidden-role-5c2e";
    private static final String HIDDEN_OWN = "viewers-own-user-entry-91d0";
    private static final String INTRUDER = "intruder-4b8e@dash.test";
    /** An order changed recently: anyone who may see orders sees the change. */
    private static final String VISIBLE_ORDER = "ORD-DASH-0001";

    private static boolean seeded;

    @ArquillianResource
    private URL injected;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(DATABASE, Map.of("GATEHOUSE_DEMO_ROWS", "200")).addClass(TestUsers.class);
    }

    private String base() {
        return Deployments.localBase(injected);
    }

    /**
     * Orders and customers created over the last weeks (and one before the charts' days), writes on
     * orders, users and roles, and failed sign-ins and a lockout of someone else, spread over days.
     */
    private static synchronized void seed() throws Exception {
        if (seeded) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection connection = DATABASE.connect()) {
            long customer;
            try (ResultSet rows = connection.createStatement().executeQuery("select min(id) from customers")) {
                rows.next();
                customer = rows.getLong(1);
            }
            int[] hoursAgo = {3, 26, 27, 50, 290, 700, 1000};
            try (PreparedStatement order = connection.prepareStatement("insert into orders (id, reference, customer_id,"
                    + " status, total, created_at, version) values (?, ?, ?, 'PAID', 12.50, ?, 0)")) {
                for (int n = 0; n < hoursAgo.length; n++) {
                    order.setLong(1, 900_000 + n);
                    order.setString(2, String.format("ORD-DASH-%04d", n + 1));
                    order.setLong(3, customer);
                    order.setObject(4, now.minusHours(hoursAgo[n]));
                    order.addBatch();
                }
                order.executeBatch();
            }
            try (PreparedStatement add = connection.prepareStatement(
                    "insert into customers (id, name, email," + " created_at, version) values (?, ?, ?, ?, 0)")) {
                for (int n = 0; n < 3; n++) {
                    add.setLong(1, 900_000 + n);
                    add.setString(2, "Dashboard Customer " + n);
                    add.setString(3, "dash" + n + "@example.com");
                    add.setObject(4, now.minusDays(n * 5L).minusHours(1));
                    add.addBatch();
                }
                add.executeBatch();
            }
            try (PreparedStatement entry = connection.prepareStatement("insert into audit_log (id, at, actor, action,"
                    + " entity_type, entity_id, entity_label, version) values (?, ?, ?, ?, ?, ?, ?, 0)")) {
                Object[][] entries = {
                    {1, Deployments.ADMIN_EMAIL, "UPDATE", "Order", "900000", VISIBLE_ORDER},
                    {2, Deployments.ADMIN_EMAIL, "UPDATE", "User", "1", HIDDEN_USER},
                    {3, Deployments.ADMIN_EMAIL, "CREATE", "Role", "1", HIDDEN_ROLE},
                    {4, TestUsers.VIEWER, "UPDATE", "User", "2", HIDDEN_OWN},
                    {30, INTRUDER, "LOGIN_FAILURE", "Security", null, INTRUDER},
                    {54, INTRUDER, "LOGIN_FAILURE", "Security", null, INTRUDER},
                    {55, INTRUDER, "LOCKOUT", "Security", null, INTRUDER},
                    {200, TestUsers.EDITOR, "LOGIN_SUCCESS", "Security", null, TestUsers.EDITOR},
                };
                for (int n = 0; n < entries.length; n++) {
                    Object[] values = entries[n];
                    entry.setLong(1, 900_000 + n);
                    entry.setObject(2, now.minusMinutes((Integer) values[0]));
                    for (int column = 1; column < values.length; column++) {
                        entry.setObject(column + 2, values[column]);
                    }
                    entry.addBatch();
                }
                entry.executeBatch();
            }
        }
        seeded = true;
    }

    /** How many rows the database holds on the charts' 30 days, in the reader's zone, as the page should count them. */
    private static long inLastThirtyDays(String table, String moment, String condition, ZoneId zone) throws Exception {
        LocalDate today = LocalDate.now(zone);
        String sql = "select count(*) from " + table + " where " + condition + " and " + moment + " >= ? and " + moment
                + " < ?";
        try (Connection connection = DATABASE.connect();
                PreparedStatement count = connection.prepareStatement(sql)) {
            count.setObject(1, today.minusDays(29).atStartOfDay(zone).toOffsetDateTime());
            count.setObject(2, today.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    @Test
    void anAdministratorSeesTheChartsWithTheDatabasesNumbersAndTheActivity() throws Exception {
        seed();
        try (Browser browser = new Browser(base())) {
            browser.open("login");
            browser.signIn(Deployments.ADMIN_EMAIL, Deployments.ADMIN_PASSWORD);
            DashboardPage dashboard = DashboardPage.open(browser);
            var zoneCookie = browser.driver().manage().getCookieNamed("gatehouse.tz");
            ZoneId zone = zoneCookie == null ? ZoneOffset.UTC : ZoneId.of(zoneCookie.getValue());

            assertEquals(1, Layout.of(browser).topHeadings(), "one h1");
            assertTrue(dashboard.count("orders").matches("[\\d,]+ records"), dashboard.count("orders"));
            assertTrue(dashboard.hasCard("users") && dashboard.hasCard("audit"));

            // every chart is drawn by Chart.js, in the theme's colours, with no CSP violation (Browser.close)
            dashboard.awaitChartsDrawn(5);
            for (String view : List.of("customers", "orders", "users", "audit")) {
                assertTrue(dashboard.createdChartIsLabelledImage(view), view);
                assertEquals(30, dashboard.createdDays(view), "a table of the 30 days");
            }
            assertFalse(
                    dashboard.hasCreatedChart("products") || dashboard.hasCreatedChart("roles"),
                    "no created-at declared");
            String colour = dashboard.createdColour("orders");
            assertTrue(colour.startsWith("#"), colour);

            long orders = inLastThirtyDays("orders", "created_at", "true", zone);
            assertTrue(orders >= 5, "seeded: " + orders);
            assertEquals(orders + " new records", dashboard.createdTotal("orders"));
            assertTrue(dashboard
                    .createdLabel("orders")
                    .startsWith("Orders created per day over the last 30 days: " + orders + " in total"));
            long customers = inLastThirtyDays("customers", "created_at", "true", zone);
            assertEquals(customers + " new records", dashboard.createdTotal("customers"));

            long signIns = inLastThirtyDays("audit_log", "at", "action = 'LOGIN_SUCCESS'", zone);
            long failed = inLastThirtyDays("audit_log", "at", "action = 'LOGIN_FAILURE'", zone);
            assertTrue(signIns >= 2 && failed >= 2, signIns + " / " + failed);
            assertEquals(signIns + " sign-ins, " + failed + " failed, 1 lockout", dashboard.signInsTotal());
            assertEquals(List.of("Day", "Sign-ins", "Failed sign-ins", "Lockouts"), dashboard.signInsHeaders());

            String mine = dashboard.myActivity();
            assertTrue(mine.contains("Changed") && mine.contains(VISIBLE_ORDER), mine);
            assertFalse(mine.contains("Signed in"), "sign-ins are charted, not listed: " + mine);
            String changes = dashboard.latestChanges();
            assertTrue(changes.contains(VISIBLE_ORDER) && changes.contains(HIDDEN_USER), changes);
            assertTrue(changes.contains(HIDDEN_ROLE) && changes.contains(HIDDEN_OWN), changes);
            assertTrue(dashboard.latestChangeTime().matches("\\d{4}-\\d{2}-\\d{2} .*"));
            dashboard.openLatestChange();
            browser.wait(10).until(d -> d.getCurrentUrl().matches(".*/admin/(orders|users|roles)/\\d+$"));
        }
    }

    @Test
    void aViewerNeverSeesEntriesOfViewsTheyMayNotOpen() throws Exception {
        seed();
        HttpSession viewer = HttpSession.signedIn(base(), TestUsers.VIEWER, TestUsers.PASSWORD);
        HttpResponse<String> home = viewer.get("admin/");
        assertEquals(200, home.statusCode());
        String html = home.body();
        assertTrue(html.contains(VISIBLE_ORDER), "an order's change is the viewer's to see");
        assertTrue(html.contains("id=\"created-orders\"") && html.contains("id=\"count-orders\""));
        for (String hidden : List.of(
                HIDDEN_USER,
                HIDDEN_ROLE,
                HIDDEN_OWN,
                INTRUDER,
                "id=\"sign-ins\"",
                "id=\"created-users\"",
                "id=\"created-audit\"",
                "id=\"card-users\"",
                "id=\"card-audit\"")) {
            assertFalse(html.contains(hidden), hidden + " is shown to a viewer");
        }
    }

    @Test
    void anAnonymousVisitorIsSentToSignIn() throws Exception {
        HttpResponse<String> home = new HttpSession(base()).get("admin/");
        assertEquals(302, home.statusCode());
        assertTrue(
                home.headers().firstValue("Location").orElse("").endsWith("/login"),
                home.headers().firstValue("Location").toString());
    }

    /** Not a limit, a figure: how long the dashboard takes here, printed for the record. */
    @Test
    void printsHowLongTheDashboardTakes() throws Exception {
        seed();
        HttpSession admin = HttpSession.signedIn(base(), Deployments.ADMIN_EMAIL, Deployments.ADMIN_PASSWORD);
        for (int warmUp = 0; warmUp < 10; warmUp++) {
            assertEquals(200, admin.get("admin/").statusCode());
        }
        List<Double> millis = new ArrayList<>();
        for (int run = 0; run < 30; run++) {
            long started = System.nanoTime();
            assertEquals(200, admin.get("admin/").statusCode());
            millis.add((System.nanoTime() - started) / 1e6);
        }
        Collections.sort(millis);
        System.out.printf(
                "[dashboard] admin home page on the seeded data (%s): median %.1f ms, p90 %.1f ms,"
                        + " max %.1f ms over %d requests%n",
                Instant.now(),
                millis.get(millis.size() / 2),
                millis.get(millis.size() * 9 / 10),
                millis.get(millis.size() - 1),
                millis.size());
    }
}
