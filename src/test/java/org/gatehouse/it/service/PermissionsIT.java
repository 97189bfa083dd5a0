package org.gatehouse.it.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.gatehouse.it.Browser;
import org.gatehouse.it.DeclaredPermissions;
import org.gatehouse.it.Deployments;
import org.gatehouse.it.HttpSession;
import org.gatehouse.it.TestDatabase;
import org.gatehouse.it.fixtures.TestUsers;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Every registered view × operation × role, answered by the server exactly as declared:
 * plain HTTP requests (including postbacks of buttons a role is never shown and postbacks
 * replayed with another user's session), the services called directly as each role, and what
 * the viewer and editor see in Chromium.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PermissionsIT {

    private static final List<String> ROLES = List.of("anonymous", "none", "viewer", "editor", "admin");
    private static final TestDatabase DATABASE = TestDatabase.create();
    private static final AtomicInteger DISPOSABLE = new AtomicInteger(900_000);

    @ArquillianResource
    private URL injected;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(DATABASE, Map.of("GATEHOUSE_DEMO_ROWS", "100")).addClass(TestUsers.class);
    }

    private HttpSession session(String role) throws Exception {
        String base = Deployments.localBase(injected);
        return switch (role) {
            case "anonymous" -> new HttpSession(base);
            case "none" -> HttpSession.signedIn(base, TestUsers.NO_ROLE, TestUsers.PASSWORD);
            case "viewer" -> HttpSession.signedIn(base, TestUsers.VIEWER, TestUsers.PASSWORD);
            case "editor" -> HttpSession.signedIn(base, TestUsers.EDITOR, TestUsers.PASSWORD);
            default -> HttpSession.signedIn(base, Deployments.ADMIN_EMAIL, Deployments.ADMIN_PASSWORD);
        };
    }

    private static long firstId(String table) throws Exception {
        try (Connection connection = DATABASE.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select min(id) from " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String table(String view) {
        return view.equals("audit") ? "audit_log" : view;
    }

    @Test
    @RunAsClient
    void everyPageAnswersEachRoleAsDeclared() throws Exception {
        session("admin"); // makes sure the audit log has an entry
        List<String> mismatches = new ArrayList<>();
        for (String role : ROLES) {
            HttpSession http = session(role);
            for (String view : List.of("users", "roles", "audit", "customers", "products", "orders")) {
                long id = firstId(table(view));
                Map<String, String> pages = new LinkedHashMap<>();
                pages.put("view", "admin/" + view);
                pages.put("view details", "admin/" + view + "/" + id);
                pages.put("view export", "admin/" + view + "/export.csv");
                pages.put("create", "admin/" + view + "/new");
                pages.put("create import", "admin/" + view + "/import");
                pages.put("edit", "admin/" + view + "/" + id + "/edit");
                pages.put("delete trash", "admin/" + view + "/trash");
                for (Map.Entry<String, String> page : pages.entrySet()) {
                    String operation = page.getKey().split(" ")[0];
                    int expected;
                    if (role.equals("anonymous")) {
                        expected = 302;
                    } else if (role.equals("none")) {
                        expected = 403;
                    } else if (page.getKey().equals("delete trash")
                            && !List.of("customers", "products", "orders").contains(view)) {
                        expected = 404; // only the shop's views keep a trash
                    } else if (!DeclaredPermissions.capable(view, operation)) {
                        expected = 404;
                    } else {
                        expected = DeclaredPermissions.allowed(role, view, operation) ? 200 : 403;
                    }
                    HttpResponse<String> response = http.get(page.getValue());
                    if (response.statusCode() != expected) {
                        mismatches.add(role + " " + page.getValue() + ": " + response.statusCode() + " != " + expected);
                    }
                    if (expected == 403 && response.body().contains(Deployments.ADMIN_EMAIL)) {
                        mismatches.add(role + " " + page.getValue() + ": data in a refusal");
                    }
                    if (expected == 403
                            && !role.equals("none")
                            && !response.body().contains("Access denied")) {
                        mismatches.add(role + " " + page.getValue() + ": not the styled 403 page");
                    }
                }
            }
        }
        assertEquals(List.of(), mismatches);
    }

    private static long disposableProduct() throws Exception {
        long id = DISPOSABLE.incrementAndGet();
        try (Connection connection = DATABASE.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("insert into products (id, sku, name, price, stock, active, version) values (" + id
                    + ", 'TMP-" + id + "', 'Disposable', 1.00, 0, true, 0)");
        }
        return id;
    }

    private static boolean exists(long productId) throws Exception {
        try (Connection connection = DATABASE.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select count(*) from products where id = " + productId)) {
            rows.next();
            return rows.getLong(1) == 1;
        }
    }

    /** The details page's Delete as the button posts it, with the version the page showed (disposable rows: 0). */
    private static final Map<String, String> DELETE =
            Map.of("details", "details", "details:confirmDeleteYes", "", "version", "0");

    @Test
    void forbiddenRequestsAreRecordedAndTheAuditLogCannotBeDeletedEvenByAdmins() throws Exception {
        HttpSession viewer = session("viewer");
        assertEquals(403, viewer.get("admin/users").statusCode());
        try (Connection connection = DATABASE.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select count(*) from audit_log where action = 'FORBIDDEN'"
                        + " and actor = '" + TestUsers.VIEWER + "' and changes like '%/admin/users%'")) {
            rows.next();
            assertTrue(rows.getLong(1) >= 1, "the refusal is in the audit log");
        }
        HttpSession admin = session("admin");
        long entry = firstId("audit_log");
        HttpResponse<String> details = admin.get("admin/audit/" + entry);
        assertEquals(200, details.statusCode());
        assertFalse(details.body().contains("confirmDeleteYes"));
        admin.post("admin/audit/" + entry, HttpSession.viewState(details.body()), DELETE);
        assertEquals(entry, firstId("audit_log"), "a crafted delete of an audit entry does nothing");
        assertEquals(404, admin.get("admin/audit/" + entry + "/edit").statusCode());
    }

    @Test
    @RunAsClient
    void deletePostbacksTakeEffectOnlyForRolesThatMayDelete() throws Exception {
        for (String role : List.of("viewer", "editor", "admin")) {
            HttpSession http = session(role);
            long product = disposableProduct();
            String path = "admin/products/" + product;
            HttpResponse<String> details = http.get(path);
            assertEquals(200, details.statusCode());
            assertEquals(
                    role.equals("admin"),
                    details.body().contains("confirmDeleteYes"),
                    role + " is shown the delete button only if allowed");
            HttpResponse<String> postback = http.post(path, HttpSession.viewState(details.body()), DELETE);
            if (role.equals("admin")) {
                assertEquals(302, postback.statusCode());
                assertFalse(exists(product), "deleted by the admin");
            } else {
                assertEquals(403, postback.statusCode(), role + ": a crafted delete is refused");
                assertTrue(exists(product), role + " deleted nothing");
            }
        }
    }

    @Test
    void craftedBulkDeletesOfTheListAreRefused() throws Exception {
        long first = disposableProduct();
        long second = disposableProduct();
        HttpSession viewer = session("viewer");
        HttpResponse<String> list = viewer.get("admin/products?q=TMP-");
        // the rows as the page shows them (id.version), selected as the table would post them
        List<String> keys = new ArrayList<>();
        java.util.regex.Matcher key =
                java.util.regex.Pattern.compile("data-rk=\"(\\d+\\.\\d+)\"").matcher(list.body());
        while (key.find()) {
            keys.add(key.group(1));
        }
        assertTrue(keys.contains(first + ".0") && keys.contains(second + ".0"), "both rows listed: " + keys);
        HttpResponse<String> crafted = viewer.post(
                "admin/products?q=TMP-",
                HttpSession.viewState(list.body()),
                Map.of(
                        "list",
                        "list",
                        "list:table_selection",
                        first + ".0," + second + ".0",
                        "list:confirmDeleteSelected",
                        "",
                        "jakarta.faces.partial.ajax",
                        "true",
                        "jakarta.faces.source",
                        "list:confirmDeleteSelected",
                        "jakarta.faces.partial.execute",
                        "list:confirmDeleteSelected list:table"));
        assertEquals(403, crafted.statusCode());
        assertTrue(exists(first) && exists(second), "the selected rows are still there");
        try (Connection connection = DATABASE.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select count(*) from audit_log where action = 'FORBIDDEN'"
                        + " and actor = '" + TestUsers.VIEWER + "' and changes like '%POST%'")) {
            rows.next();
            assertTrue(rows.getLong(1) >= 1, "the crafted request is in the audit log");
        }
    }

    @Test
    @RunAsClient
    void anAdminsPostbackReplayedWithAViewersSessionDoesNothing() throws Exception {
        HttpSession admin = session("admin");
        HttpSession viewer = session("viewer");
        long product = disposableProduct();
        String path = "admin/products/" + product;
        String adminViewState = HttpSession.viewState(admin.get(path).body());
        HttpResponse<String> replay = viewer.post(path, adminViewState, DELETE);
        assertNotEquals(302, replay.statusCode());
        assertTrue(exists(product));
        HttpResponse<String> anonymous = session("anonymous").post(path, adminViewState, DELETE);
        assertEquals(302, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("Location").orElse("").endsWith("/login"));
        assertTrue(exists(product));
    }

    @Test
    @RunAsClient
    void viewersSeeNoWriteButtonsAndEditorsSeeNoDelete() {
        try (Browser browser = new Browser(Deployments.localBase(injected))) {
            browser.open("login");
            browser.signIn(TestUsers.VIEWER, TestUsers.PASSWORD);
            browser.open("admin/");
            List<String> menu = browser.driver().findElements(By.cssSelector("#menu a")).stream()
                    .map(a -> a.getText().trim())
                    .toList();
            assertEquals(List.of("Home", "Customers", "Orders", "Products"), menu);
            browser.open("admin/orders");
            assertFalse(browser.has("#new")
                    || browser.has("#list\\:deleteSelected")
                    || browser.has(".gh-action-ship")
                    || browser.has("#trashLink"));
            browser.open("admin/orders/1");
            assertFalse(browser.has("#details\\:edit") || browser.has("#details\\:delete"));
            browser.open("admin/users");
            assertEquals("Access denied", browser.text(".gh-error h1"));
        }
        try (Browser browser = new Browser(Deployments.localBase(injected))) {
            browser.open("login");
            browser.signIn(TestUsers.EDITOR, TestUsers.PASSWORD);
            browser.open("admin/orders");
            assertTrue(browser.has("#new") && browser.has(".gh-action-ship"));
            assertFalse(browser.has("#list\\:deleteSelected") || browser.has("#trashLink"));
            browser.open("admin/orders/1");
            assertTrue(browser.has("#details\\:edit"));
            assertFalse(browser.has("#details\\:delete"));
        }
    }

    @Test
    @RunAsClient
    void eachRoleHasAPermissionsPage() throws Exception {
        HttpSession admin = session("admin");
        long viewerRole;
        try (Connection connection = DATABASE.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select id from roles where name = 'viewer'")) {
            rows.next();
            viewerRole = rows.getLong(1);
        }
        String page = admin.get("admin/roles/" + viewerRole).body();
        assertTrue(page.contains("id=\"permissions\""), "the role's details show its permissions");
        assertEquals(
                List.of("pi-check", "pi-minus", "pi-minus", "pi-minus"),
                marks(page, "Orders"),
                "viewer reads orders only");
        assertEquals(
                List.of("pi-minus", "pi-minus", "pi-minus", "pi-minus"),
                marks(page, "Users"),
                "viewer cannot see users");
    }

    /** The allowed/denied marks of one view's row of the permissions table, in column order. */
    private static List<String> marks(String page, String view) {
        java.util.regex.Matcher row = java.util.regex.Pattern.compile(
                        ">\\s*" + view + "\\s*</th>(.*?)</tr>", java.util.regex.Pattern.DOTALL)
                .matcher(page);
        assertTrue(row.find(), "a row for " + view);
        List<String> marks = new java.util.ArrayList<>();
        java.util.regex.Matcher mark =
                java.util.regex.Pattern.compile("pi-(check|minus)").matcher(row.group(1));
        while (mark.find()) {
            marks.add(mark.group());
        }
        return marks;
    }
}
