package org.gatehouse.it.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gatehouse.it.Deployments;
import org.gatehouse.it.HttpSession;
import org.gatehouse.it.ProductRows;
import org.gatehouse.it.TestDatabase;
import org.gatehouse.it.fixtures.TestUsers;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Row scopes and field rules, proven leak-free: every registered view × six callers (admin,
 * editor, viewer, a support agent narrowed to Germany, an admin narrowed the same way, an editor
 * whose role hides prices and order totals) × every way of reading and writing records over plain
 * HTTP. Records outside a caller's scope and values of properties hidden from them carry
 * distinctive markers; no response to such a caller may contain one, no count may include such a
 * record and no write may change one. The admin, for whom nothing is narrowed, must meet every
 * marker somewhere: the matrix proves it would see a leak.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LeakMatrixIT {

    private static final TestDatabase DATABASE = TestDatabase.create();

    /** The field-restricted role: its products rule is stored (role_rules), its orders rule configured. */
    private static final String NOPRICE = "noprice";

    private static final String SUPPORT_USER = "leak-support@gatehouse.test";
    private static final String NOPRICE_USER = "leak-noprice@gatehouse.test";
    private static final String SUPADMIN_USER = "leak-supadmin@gatehouse.test";

    private static final List<String> ROLES = List.of("admin", "editor", "viewer", "support", "supadmin", NOPRICE);
    private static final Set<String> SCOPED = Set.of("support", "supadmin");
    private static final Set<String> WRITERS = Set.of("admin", "editor", "support", "supadmin", NOPRICE);
    private static final Set<String> DELETERS = Set.of("admin", "supadmin");
    private static final Set<String> SHOP = Set.of("customers", "orders", "products");

    /** Records outside Germany (the support callers' country): never shown to them. */
    private static final List<String> OUT_OF_SCOPE = List.of("QXOUT", "qxout", "ORD-885");
    /** Order totals (the orders rules of support and noprice hide them), as stored and as pages show them. */
    private static final List<String> TOTALS = List.of("98765.43", "98,765.43", "98765.40", "87654.32", "87,654.32");
    /** Product prices (the stored products rule of noprice hides them). */
    private static final List<String> PRICES = List.of("45678.91", "45,678.91", "45678.90");

    private static final long IN = 900_001;
    private static final long OUT = 900_101;
    /** A customer outside the scope that only an in-scope order's history names. */
    private static final long FORMER_CUSTOMER = 900_160;

    private static final int IN_ORDERS = 30;
    private static final int OUT_ORDERS = 30;

    private static final Pattern COUNT = Pattern.compile("id=\"total\">\\s*([0-9,.]+)\\s");
    private static final Pattern NEXT = Pattern.compile("name=\"position.next\" value=\"([^\"]*)\"");
    private static final Pattern PREVIOUS = Pattern.compile("name=\"position.previous\" value=\"([^\"]*)\"");
    private static final Pattern MENU = Pattern.compile("id=\"menu-([a-z][a-z0-9-]*)\"");

    @ArquillianResource
    private URL injected;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(
                        DATABASE,
                        Map.of(
                                "GATEHOUSE_DEMO_ROWS",
                                "0",
                                // the field-restricted role's orders rule from configuration (its products rule is
                                // stored)
                                "GATEHOUSE_RULES_ORDERS_NOPRICE_HIDDEN",
                                "total",
                                "GATEHOUSE_STEP_UP_MINUTES",
                                "60"))
                .addClass(TestUsers.class);
    }

    /** What the matrix knows of one view: its table, a record every reader may see, the queries it tries. */
    private record ViewFixture(
            String table,
            long inId,
            Long outId,
            String search,
            List<String> queries,
            Map<String, List<String>> hiddenQueries,
            String allSql,
            String scopedSql,
            String searchSql,
            String scopedSearchSql) {}

    private final Map<String, HttpSession> sessions = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();
    private final Set<String> cases = new LinkedHashSet<>();
    private final Set<String> paths = new TreeSet<>();
    private final Set<String> seenByAdmin = new TreeSet<>();
    private int assertions;
    private int requests;

    // ------------------------------------------------------------------ the matrix

    @Test
    void noScopedOrHiddenValueLeaksThroughAnyPathOfAnyView() throws Exception {
        seed();
        Map<String, ViewFixture> fixtures = fixtures();
        for (String role : ROLES) {
            sessions.put(
                    role,
                    HttpSession.signedIn(
                            base(),
                            email(role),
                            role.equals("admin") ? Deployments.ADMIN_PASSWORD : TestUsers.PASSWORD));
        }
        Set<String> registered = new TreeSet<>();
        Matcher menu = MENU.matcher(sessions.get("admin").get("admin/").body());
        while (menu.find()) {
            registered.add(menu.group(1));
        }
        assertTrue(registered.containsAll(SHOP), "the admin's menu lists the registered views: " + registered);
        assertEquals(
                registered,
                new TreeSet<>(fixtures.keySet()),
                "every registered view needs a fixture in LeakMatrixIT (and no fixture may name a view that is gone)");
        Map<String, String> outOfScopeBefore = outOfScopeRows();

        for (String role : ROLES) {
            HttpSession http = sessions.get(role);
            read(role, "dashboard", "admin/", 200);
            for (var entry : fixtures.entrySet()) {
                readView(role, entry.getKey(), entry.getValue(), http);
            }
            if (WRITERS.contains(role)) {
                pickers(role, http);
            }
        }
        craftedWrites();
        check(
                outOfScopeRows().equals(outOfScopeBefore),
                "out-of-scope rows unchanged by the whole matrix",
                "rows outside the scope changed: before " + outOfScopeBefore + " after " + outOfScopeRows());

        // the admin sees everything: every marker the matrix hunts for is found somewhere, so a leak would be seen
        List<String> markers = new ArrayList<>(OUT_OF_SCOPE);
        markers.addAll(TOTALS);
        markers.addAll(PRICES);
        for (String marker : markers) {
            check(
                    seenByAdmin.contains(marker),
                    "admin sees " + marker,
                    "admin never saw '" + marker + "': the matrix could not see this value leak");
        }
        System.out.printf(
                "Leak matrix: %d views x %d roles x %d paths: %d role-view-path cases (%d requests, %d assertions,"
                        + " %d failures)%n",
                fixtures.size(), ROLES.size(), paths.size(), cases.size(), requests, assertions, failures.size());
        assertEquals(List.of(), failures);
    }

    private void readView(String role, String view, ViewFixture fixture, HttpSession http) throws Exception {
        boolean readable =
                SHOP.contains(view) || role.equals("admin") || role.equals("supadmin") && !view.equals("audit");
        int expected = readable ? 200 : 403;
        String list = "admin/" + view;
        HttpResponse<String> page = read(role, view + " list", list, expected);
        Long plain = expectedCount(role, view, fixture, false);
        if (readable) {
            checkCount(role, list, page.body(), plain);
        }
        // search, filters (a relation filter naming an out-of-scope record among them), sorts
        if (fixture.search() != null) {
            String searched = list + "?q=" + enc(fixture.search());
            HttpResponse<String> found = read(role, view + " search", searched, expected);
            if (readable) {
                checkCount(role, searched, found.body(), expectedCount(role, view, fixture, true));
            }
        }
        for (String query : fixture.queries()) {
            read(role, view + " filter/sort", list + "?" + query, expected);
        }
        // queries by a property hidden from the caller: refused or ignored, never narrowing the list
        for (var hidden : fixture.hiddenQueries().entrySet()) {
            for (String query : hidden.getValue()) {
                HttpResponse<String> response =
                        read(role, view + " by hidden field", list + "?" + query, expected, 403);
                if (readable && response.statusCode() == 200 && hides(role, view, hidden.getKey())) {
                    checkCount(role, list + "?" + query, response.body(), plain);
                }
                HttpResponse<String> csv =
                        read(role, view + " export by hidden field", list + "/export.csv?" + query, expected, 403);
                if (readable && csv.statusCode() == 200 && hides(role, view, hidden.getKey()) && plain != null) {
                    checkRows(role, list + "/export.csv?" + query, csv.body(), plain);
                }
            }
        }
        // keyset pages from the page's own Next and Previous, and from the admin's (whose rows may lie outside)
        if (readable) {
            keysetPages(role, view, list, page.body(), plain);
            HttpResponse<String> ajax = http.postAjax(
                    list,
                    "stateless",
                    Map.of(
                            "jakarta.faces.source",
                            "list:table",
                            "jakarta.faces.partial.execute",
                            "list:table",
                            "jakarta.faces.partial.render",
                            "list:table",
                            "list:table_pagination",
                            "true",
                            "list:table_first",
                            "0",
                            "list:table_rows",
                            "10",
                            "list",
                            "list"));
            scan(role, view + " AJAX paging", "POST " + list + " (AJAX page)", ajax, 200);
        }
        // export
        HttpResponse<String> csv = read(role, view + " export", list + "/export.csv", expected);
        if (readable && plain != null) {
            checkRows(role, list + "/export.csv", csv.body(), plain);
        }
        if (fixture.search() != null) {
            read(role, view + " export", list + "/export.csv?q=" + enc(fixture.search()), expected);
        }
        // the trash (the shop's views keep one): only for who may delete there, scoped to the caller's rows
        read(role, view + " trash", list + "/trash", !SHOP.contains(view) ? 404 : DELETERS.contains(role) ? 200 : 403);
        // details (with its History tab) and edit: an out-of-scope id answers exactly as a missing one
        read(role, view + " details", list + "/" + fixture.inId(), expected);
        HttpResponse<String> missing =
                read(role, view + " details of a missing id", list + "/999999999", readable ? 404 : 403);
        boolean editable = fixture.table().matches("customers|orders|products|users|roles") && !view.equals("audit");
        if (editable) {
            boolean mayEdit = view.equals("users") || view.equals("roles")
                    ? Set.of("admin", "supadmin").contains(role)
                    : WRITERS.contains(role);
            read(role, view + " edit", list + "/" + fixture.inId() + "/edit", mayEdit ? 200 : 403);
        }
        if (fixture.outId() != null) {
            boolean scoped = SCOPED.contains(role);
            HttpResponse<String> outside =
                    read(role, view + " details out of scope", list + "/" + fixture.outId(), scoped ? 404 : expected);
            if (scoped) {
                check(
                        normalized(outside.body()).equals(normalized(missing.body())),
                        role + " " + list + "/" + fixture.outId(),
                        role + " GET " + list + "/" + fixture.outId()
                                + ": an out-of-scope id does not answer exactly like a missing id");
            }
            read(
                    role,
                    view + " edit out of scope",
                    list + "/" + fixture.outId() + "/edit",
                    scoped ? 404 : WRITERS.contains(role) ? 200 : 403);
        }
    }

    private void keysetPages(String role, String view, String list, String firstPage, Long total) throws Exception {
        String next = group(NEXT, firstPage);
        if (!next.isEmpty() && !next.equals("null")) {
            String second = list + "?page=2&after=" + enc(next);
            HttpResponse<String> page = read(role, view + " keyset page", second, 200);
            checkCount(role, second, page.body(), total);
            String previous = group(PREVIOUS, page.body());
            if (!previous.isEmpty()) {
                read(role, view + " keyset page", list + "?page=1&before=" + enc(previous), 200);
            }
        }
        if (SCOPED.contains(role)) {
            // the admin's cursors name rows the scoped caller may not see: positions only, never rows
            String adminPage = sessions.get("admin").get(list).body();
            for (Pattern edge : List.of(NEXT, PREVIOUS)) {
                String cursor = group(edge, adminPage);
                if (!cursor.isEmpty()) {
                    String crafted = list + "?page=2&after=" + enc(cursor);
                    HttpResponse<String> page = read(role, view + " keyset page (admin's cursor)", crafted, 200);
                    checkCount(role, crafted, page.body(), total);
                }
            }
        }
    }

    /** The order form's customer picker (a PrimeFaces AJAX query) under the caller's scope of customers. */
    private void pickers(String role, HttpSession http) throws Exception {
        HttpResponse<String> form = read(role, "orders picker", "admin/orders/new", 200);
        Matcher picker =
                Pattern.compile("id=\"(form:fields:\\d+:autocomplete)\"").matcher(form.body());
        if (!check(picker.find(), role + " picker", role + " admin/orders/new: no customer picker")) {
            return;
        }
        String id = picker.group(1);
        for (String query : List.of("C-9001", "qx", "Q")) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("form", "form");
            fields.put("jakarta.faces.source", id);
            fields.put("jakarta.faces.partial.execute", id);
            fields.put("jakarta.faces.partial.render", id);
            fields.put(id + "_query", query);
            HttpResponse<String> answer = http.postAjax("admin/orders/new", HttpSession.viewState(form.body()), fields);
            scan(role, "orders picker", "POST admin/orders/new (customer picker '" + query + "')", answer, 200);
            check(
                    answer.body().contains("QXIN-C-") || query.equals("C-9001"),
                    role + " picker " + query,
                    role + " customer picker '" + query + "' lists no customer of the caller's own scope: "
                            + shorten(answer.body()));
        }
    }

    // ------------------------------------------------------------------ crafted writes

    private void craftedWrites() throws Exception {
        long outOrder = OUT;
        long outCustomer = OUT;
        for (String role : List.of("support", "supadmin")) {
            HttpSession http = sessions.get(role);
            // delete of an out-of-scope record, as the details page's button posts it
            for (String view : List.of("orders", "customers")) {
                String path = "admin/" + view + "/" + (view.equals("orders") ? outOrder : outCustomer);
                HttpResponse<String> delete = http.post(
                        path,
                        "stateless",
                        Map.of("details", "details", "details:confirmDeleteYes", "", "version", "0"));
                scan(
                        role,
                        view + " crafted delete",
                        "POST " + path + " (delete)",
                        delete,
                        DELETERS.contains(role) ? 404 : 403,
                        404);
            }
            // bulk delete and the bulk action "ship" naming out-of-scope rows, alone and next to an in-scope one
            for (List<String> keys : List.of(List.of(OUT + ".0"), List.of((IN + 29) + ".0", (OUT + 1) + ".0"))) {
                HttpResponse<String> bulk =
                        http.postAjax("admin/orders", "stateless", ProductRows.bulkDelete(keys, null));
                scan(
                        role,
                        "orders crafted bulk delete",
                        "POST admin/orders (bulk delete " + keys + ")",
                        bulk,
                        DELETERS.contains(role) ? 200 : 403);
                HttpResponse<String> ship = http.postAjax("admin/orders", "stateless", ship(keys));
                scan(role, "orders crafted bulk action", "POST admin/orders (ship " + keys + ")", ship, 200);
                check(
                        single("select count(*) from orders where id in (" + (IN + 29) + ", " + OUT + ", " + (OUT + 1)
                                        + ") and status = 'NEW' and version = 0")
                                .equals("3"),
                        role + " ship " + keys,
                        role + " bulk ship/delete of " + keys + " changed a row (all or nothing, nothing outside)");
            }
            // edit postbacks: an order moved to another country's customer, a customer moved to another country,
            // a field rendered read-only posted anyway, a new customer outside the scope
            String orderForm = "admin/orders/" + IN + "/edit";
            HttpResponse<String> form = read(role, "orders crafted edit", orderForm, 200);
            Map<String, String> moved = formFields(form.body());
            moved.put(fieldInput(form.body(), "customer").replace("_input", "_hinput"), String.valueOf(OUT));
            moved.put("form:save", "");
            scan(
                    role,
                    "orders crafted edit",
                    "POST " + orderForm + " (customer -> " + OUT + ")",
                    http.post(orderForm, HttpSession.viewState(form.body()), moved),
                    200,
                    403);
            check(
                    single("select customer_id || ' ' || total || ' ' || version from orders where id = " + IN)
                            .equals(IN + " 98765.43 0"),
                    role + " order move",
                    role + " moved order " + IN + " to an out-of-scope customer or changed its total");

            form = read(role, "orders crafted edit", orderForm, 200);
            Map<String, String> readOnly = formFields(form.body());
            readOnly.put("form:fields:" + fieldIndex(form.body(), "createdAt") + ":datetime", "2001-01-01T00:00");
            // where the declared form has its total: the field the caller sees at that place is read-only
            readOnly.put(
                    "form:fields:"
                            + fieldIndex(sessions.get("admin").get(orderForm).body(), "total") + ":input",
                    "1.00");
            readOnly.put("form:save", "");
            forbidden(
                    role,
                    "orders crafted edit",
                    orderForm + " (read-only createdAt, hidden total)",
                    http.post(orderForm, HttpSession.viewState(form.body()), readOnly),
                    "/admin/orders/" + IN + "/edit");
            check(
                    single("select total || ' ' || version from orders where id = " + IN)
                            .equals("98765.43 0"),
                    role + " order total",
                    role + " changed the hidden total of order " + IN);

            String customerForm = "admin/customers/" + IN + "/edit";
            form = read(role, "customers crafted edit", customerForm, 200);
            Map<String, String> abroad = formFields(form.body());
            abroad.put(fieldInput(form.body(), "country"), "FR");
            abroad.put("form:save", "");
            forbidden(
                    role,
                    "customers crafted edit",
                    customerForm + " (country -> FR)",
                    http.post(customerForm, HttpSession.viewState(form.body()), abroad),
                    "customers:edit:scope");
            check(
                    single("select country from customers where id = " + IN).equals("DE"),
                    role + " customer move",
                    role + " moved customer " + IN + " out of their scope");

            form = read(role, "customers crafted create", "admin/customers/new", 200);
            Map<String, String> created = formFields(form.body());
            created.put(fieldInput(form.body(), "name"), "Abroad " + role);
            created.put(fieldInput(form.body(), "email"), "abroad-" + role + "@leak.test");
            created.put(fieldInput(form.body(), "country"), "FR");
            created.put("form:save", "");
            forbidden(
                    role,
                    "customers crafted create",
                    "admin/customers/new (country FR)",
                    http.post("admin/customers/new", HttpSession.viewState(form.body()), created),
                    "customers:create:scope");
            check(
                    single("select count(*) from customers where email = 'abroad-" + role + "@leak.test'")
                            .equals("0"),
                    role + " create outside",
                    role + " created a customer outside their scope");
        }
        // the field-restricted editor: a read-only stock posted anyway, a hidden price nowhere to post
        HttpSession noprice = sessions.get(NOPRICE);
        String productForm = "admin/products/" + IN + "/edit";
        HttpResponse<String> form = read(NOPRICE, "products crafted edit", productForm, 200);
        Map<String, String> stock = formFields(form.body());
        stock.put("form:fields:" + fieldIndex(form.body(), "stock") + ":input", "999");
        stock.put("form:save", "");
        forbidden(
                NOPRICE,
                "products crafted edit",
                productForm + " (read-only stock)",
                noprice.post(productForm, HttpSession.viewState(form.body()), stock),
                "/admin/products/" + IN + "/edit");
        check(
                single("select price || ' ' || stock || ' ' || version from products where id = " + IN)
                        .equals("45678.91 7 0"),
                "noprice product",
                "noprice changed product " + IN);

        // the History tab keeps the changes between records within the scope
        for (String role : SCOPED) {
            String history = sessions.get(role).get("admin/orders/" + IN).body();
            check(
                    history.contains("from QXIN-C-" + (IN + 2) + " to QXIN-C-" + (IN + 1)),
                    role + " history in scope",
                    role + " GET admin/orders/" + IN + ": the History tab lost a change between in-scope customers");
        }
        // positive controls: the crafted requests above are well-formed, they change in-scope rows
        HttpResponse<String> shipped =
                sessions.get("support").postAjax("admin/orders", "stateless", ship(List.of((IN + 28) + ".0")));
        scan("support", "orders bulk action", "POST admin/orders (ship in scope)", shipped, 200);
        check(
                single("select status from orders where id = " + (IN + 28)).equals("SHIPPED"),
                "support ships",
                "support could not ship an in-scope order: the crafted bulk action is not what the page posts");
        HttpResponse<String> deleted = sessions.get("supadmin")
                .postAjax("admin/orders", "stateless", ProductRows.bulkDelete(List.of((IN + 27) + ".0"), null));
        scan("supadmin", "orders bulk delete", "POST admin/orders (delete in scope)", deleted, 200);
        check(
                single("select count(*) from orders where id = " + (IN + 27)).equals("0"),
                "supadmin deletes",
                "supadmin could not delete an in-scope order: the crafted bulk delete is not what the page posts "
                        + shorten(deleted.body()));
    }

    private static Map<String, String> ship(List<String> keys) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("list", "list");
        form.put("list:table_selection", String.join(",", keys));
        form.put("list:confirmYes", "");
        form.put("bulkAction", "ship");
        form.put("jakarta.faces.source", "list:confirmYes");
        form.put("jakarta.faces.partial.execute", "list:confirmYes list:table");
        form.put("jakarta.faces.partial.render", "list:table list:notices");
        return form;
    }

    /** A crafted write: 403, recorded as FORBIDDEN in the audit log, nothing leaked. */
    private void forbidden(String role, String path, String what, HttpResponse<String> response, String recorded)
            throws Exception {
        scan(role, path, "POST " + what, response, 403);
        check(
                Long.parseLong(single("select count(*) from audit_log where action = 'FORBIDDEN' and actor = '"
                                + email(role) + "' and changes like '%" + recorded + "%'"))
                        > 0,
                role + " audited " + what,
                role + " POST " + what + ": no FORBIDDEN entry mentioning '" + recorded + "' in the audit log");
    }

    // ------------------------------------------------------------------ requests and checks

    private HttpResponse<String> read(String role, String path, String url, int... expected) throws Exception {
        HttpResponse<String> response = sessions.get(role).get(url);
        scan(role, path, "GET " + url, response, expected);
        return response;
    }

    /** Status as expected, no server error, and no marker the role must not see. */
    private void scan(String role, String path, String request, HttpResponse<String> response, int... expected) {
        requests++;
        cases.add(role + " " + path);
        paths.add(path.substring(path.indexOf(' ') + 1));
        String body = response.body();
        boolean statusOk = false;
        for (int status : expected) {
            statusOk |= response.statusCode() == status;
        }
        check(
                statusOk && !body.contains("error-500"),
                role + " " + request + " status",
                role + " " + request + ": status " + response.statusCode() + ", expected "
                        + java.util.Arrays.toString(expected)
                        + (response.statusCode() >= 500 || body.contains("error-500") ? " (server error)" : ""));
        for (String marker : forbiddenMarkers(role)) {
            int at = body.indexOf(marker);
            check(
                    at < 0,
                    role + " " + request + " " + marker,
                    role + " " + request + ": leaked '" + marker + "' ("
                            + (OUT_OF_SCOPE.contains(marker) ? "out-of-scope record" : "hidden field") + ") in \u2026"
                            + (at < 0
                                    ? ""
                                    : body.substring(Math.max(0, at - 80), Math.min(body.length(), at + 40))
                                            .replaceAll("\\s+", " "))
                            + "\u2026");
        }
        if (role.equals("admin")) {
            for (String marker : allMarkers()) {
                if (body.contains(marker)) {
                    seenByAdmin.add(marker);
                }
            }
        }
    }

    private static List<String> allMarkers() {
        List<String> all = new ArrayList<>(OUT_OF_SCOPE);
        all.addAll(TOTALS);
        all.addAll(PRICES);
        return all;
    }

    private static List<String> forbiddenMarkers(String role) {
        List<String> markers = new ArrayList<>();
        if (SCOPED.contains(role)) {
            markers.addAll(OUT_OF_SCOPE);
            markers.addAll(TOTALS);
        }
        if (role.equals(NOPRICE)) {
            markers.addAll(TOTALS);
            markers.addAll(PRICES);
        }
        return markers;
    }

    /** Whether the role's rules hide the property of the view. */
    private static boolean hides(String role, String view, String property) {
        return view.equals("orders") && property.equals("total") && (SCOPED.contains(role) || role.equals(NOPRICE))
                || view.equals("products") && property.equals("price") && role.equals(NOPRICE);
    }

    private boolean check(boolean ok, String what, String failure) {
        assertions++;
        if (!ok) {
            failures.add(failure);
        }
        return ok;
    }

    private void checkCount(String role, String url, String html, Long expected) {
        if (expected == null) {
            return;
        }
        String shown = group(COUNT, html).replaceAll("[,.]", "");
        check(
                shown.equals(String.valueOf(expected)),
                role + " count " + url,
                role + " GET " + url + ": the page counts '" + group(COUNT, html) + "', expected " + expected);
    }

    private void checkRows(String role, String url, String csv, long expected) {
        long rows = csv.lines().filter(line -> !line.isEmpty()).count() - 1;
        check(
                rows == expected,
                role + " rows " + url,
                role + " GET " + url + ": " + rows + " CSV rows, expected " + expected);
    }

    /** The count a list page must show the role: the in-scope rows for a scoped role, else the table's. */
    private Long expectedCount(String role, String view, ViewFixture fixture, boolean searched) throws Exception {
        boolean scoped = SCOPED.contains(role) && fixture.scopedSql() != null;
        String sql = searched
                ? (scoped ? fixture.scopedSearchSql() : fixture.searchSql())
                : (scoped ? fixture.scopedSql() : fixture.allSql());
        return sql == null ? null : Long.valueOf(single(sql));
    }

    // ------------------------------------------------------------------ fixtures

    private static Map<String, ViewFixture> fixtures() throws Exception {
        String orders = "select count(*) from orders o join customers c on c.id = o.customer_id";
        String customerSearch = " (lower(name) like '%c-9001%' or lower(email) like '%c-9001%')";
        String orderSearch = " (o.reference like '%8850%' or lower(c.email) like '%8850%')";
        Map<String, ViewFixture> fixtures = new LinkedHashMap<>();
        fixtures.put(
                "customers",
                new ViewFixture(
                        "customers",
                        IN,
                        OUT,
                        "c-9001",
                        List.of("country=FR", "country=DE", "createdAt.from=2000-01-01", "sort=-name", "sort=country"),
                        Map.of(),
                        "select count(*) from customers",
                        "select count(*) from customers where country = 'DE'",
                        "select count(*) from customers where" + customerSearch,
                        "select count(*) from customers where country = 'DE' and" + customerSearch));
        fixtures.put(
                "orders",
                new ViewFixture(
                        "orders",
                        IN,
                        OUT,
                        "8850",
                        List.of(
                                "customer=" + OUT,
                                "customer=" + FORMER_CUSTOMER,
                                "customer=" + IN,
                                "status=NEW",
                                "sort=reference",
                                "sort=customer"),
                        Map.of(
                                "total",
                                List.of(
                                        "sort=total",
                                        "sort=-total,reference",
                                        "total.from=98765",
                                        "total.to=90000",
                                        "total.from=98765&total.to=98766")),
                        orders,
                        orders + " where c.country = 'DE'",
                        orders + " where" + orderSearch,
                        orders + " where c.country = 'DE' and" + orderSearch));
        fixtures.put(
                "products",
                new ViewFixture(
                        "products",
                        IN,
                        null,
                        "LEAK-P",
                        List.of("active=true", "sort=-stock"),
                        Map.of("price", List.of("sort=price", "sort=-price", "price.from=45000", "price.to=10")),
                        "select count(*) from products",
                        null,
                        "select count(*) from products where sku like '%LEAK-P%' or lower(name) like '%leak-p%'",
                        null));
        fixtures.put(
                "users",
                new ViewFixture(
                        "users",
                        Long.parseLong(single("select id from users where email = '" + SUPPORT_USER + "'")),
                        null,
                        "leak-",
                        List.of("active=true", "country=DE"),
                        Map.of(),
                        "select count(*) from users",
                        null,
                        "select count(*) from users where email like '%leak-%'",
                        null));
        fixtures.put(
                "roles",
                new ViewFixture(
                        "roles",
                        Long.parseLong(single("select id from roles where name = 'support'")),
                        null,
                        "supp",
                        List.of("sort=-name"),
                        Map.of(),
                        "select count(*) from roles",
                        null,
                        "select count(*) from roles where lower(name) like '%supp%' or lower(description) like '%supp%'",
                        null));
        fixtures.put(
                "audit",
                new ViewFixture(
                        "audit_log",
                        Long.parseLong(single("select max(id) from audit_log")),
                        null,
                        "QXIN",
                        List.of("action=UPDATE", "entityType=Order", "sort=actor"),
                        Map.of(),
                        null,
                        null,
                        null,
                        null));
        return fixtures;
    }

    /**
     * Customers and orders in and out of Germany, products with prices, their audit trail (as the
     * application writes it), the field-restricted role with its stored rule, and the callers.
     */
    private static void seed() throws Exception {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            sql.append(customer(IN + i, "QXIN-C-" + (IN + i), "Berlin", "'DE'"));
            sql.append(customer(OUT + i, "QXOUT-C-" + (OUT + i), "QXOUT-City", "'FR'"));
        }
        sql.append(customer(900_150, "QXOUT-C-900150", "QXOUT-Nowhere", "null"));
        sql.append(customer(FORMER_CUSTOMER, "QXOUT-C-" + FORMER_CUSTOMER, "QXOUT-Lyon", "'FR'"));
        for (int i = 0; i < IN_ORDERS; i++) {
            sql.append(order(IN + i, "ORD-77" + (IN + i - 400_000), IN + i % 12, "98765.43", "QXIN-NOTE-" + i, i));
        }
        for (int i = 0; i < OUT_ORDERS; i++) {
            sql.append(order(
                    OUT + i,
                    "ORD-88" + (OUT + i - 400_000),
                    i % 13 == 12 ? 900_150 : OUT + i % 12,
                    "87654.32",
                    "QXOUT-NOTE-" + i,
                    i));
        }
        for (int i = 0; i < 3; i++) {
            sql.append("insert into products (id, sku, name, price, stock, active, version) values (" + (IN + i)
                    + ", 'LEAK-P-" + i + "', 'Leak product " + i + "', 45678.91, 7, true, 0);\n");
        }
        // what the application records when an admin moves an order to another customer and changes its
        // total, and changes a price: the History tab shows it to whoever may see the record
        sql.append(audit(
                900_001,
                "Order",
                IN,
                "ORD-77" + (IN - 400_000),
                "{\"customer\":{\"old\":\"QXOUT-C-"
                        + FORMER_CUSTOMER + "\",\"new\":\"QXIN-C-" + IN + "\"},\"total\":{\"old\":\"98765.40\",\"new\":"
                        + "\"98765.43\"}}"));
        sql.append(audit(
                900_004,
                "Order",
                IN,
                "ORD-77" + (IN - 400_000),
                "{\"customer\":{\"old\":\"QXIN-C-" + (IN + 1) + "\",\"new\":\"QXOUT-C-" + FORMER_CUSTOMER + "\"}}"));
        sql.append(audit(
                900_005,
                "Order",
                IN,
                "ORD-77" + (IN - 400_000),
                "{\"customer\":{\"old\":\"QXIN-C-" + (IN + 2) + "\",\"new\":\"QXIN-C-" + (IN + 1) + "\"}}"));
        sql.append(
                audit(900_002, "Product", IN, "LEAK-P-0", "{\"price\":{\"old\":\"45678.90\",\"new\":\"45678.91\"}}"));
        sql.append(audit(
                900_003,
                "Customer",
                OUT,
                "QXOUT-C-" + OUT,
                "{\"city\":{\"old\":\"Paris\",\"new\":" + "\"QXOUT-City\"}}"));
        // the field-restricted role; its products rule stored as the Permissions tab stores it
        sql.append("insert into roles (id, name, description, version) values (990001, '" + NOPRICE
                + "', 'Sees no prices or order totals', 0);\n");
        sql.append("insert into role_rules (id, role_id, view_name, row_scope, hidden_fields, read_only_fields,"
                + " changed_at, changed_by, version) values (990001, 990001, 'products', null, 'price', 'stock', now(),"
                + " 'leak-matrix', 0);\n");
        sql.append(user(990001, SUPPORT_USER, "'DE'", "editor", "support"));
        sql.append(user(990002, NOPRICE_USER, "null", "editor", NOPRICE));
        sql.append(user(990003, SUPADMIN_USER, "'DE'", "admin", "support"));
        try (Connection connection = DATABASE.connect();
                Statement statement = connection.createStatement()) {
            statement.execute(sql.toString());
        }
    }

    private static String customer(long id, String name, String city, String country) {
        return "insert into customers (id, name, email, city, country, created_at, version) values (" + id + ", '"
                + name + "', '" + name.toLowerCase() + "@leak.test', '" + city + "', " + country
                + ", now() - interval '" + (id % 1000) + " minutes', 0);\n";
    }

    private static String order(long id, String reference, long customer, String total, String note, int minutes) {
        return "insert into orders (id, reference, customer_id, status, total, created_at, note, version) values (" + id
                + ", '" + reference + "', " + customer + ", 'NEW', " + total + ", now() - interval '" + minutes
                + " minutes', '" + note + "', 0);\n";
    }

    private static String audit(long id, String type, long entity, String label, String changes) {
        return "insert into audit_log (id, at, actor, action, entity_type, entity_id, entity_label, changes, version)"
                + " values (" + id + ", now() - interval '1 hour', '" + Deployments.ADMIN_EMAIL + "', 'UPDATE', '"
                + type
                + "', '" + entity + "', '" + label + "', '" + changes + "', 0);\n";
    }

    /** An account with the test users' password (its hash copied from one), holding the given roles. */
    private static String user(long id, String email, String country, String... roles) {
        StringBuilder sql =
                new StringBuilder("insert into users (id, email, password_hash, active, created_at, version,"
                        + " country) select " + id + ", '" + email + "', password_hash, true, now(), 0, " + country
                        + " from users where email = '" + TestUsers.EDITOR + "';\n");
        for (String role : roles) {
            sql.append("insert into users_roles (user_id, role_id) select " + id + ", id from roles where name = '"
                    + role + "';\n");
        }
        return sql.toString();
    }

    /** Every order and customer outside Germany, as the database holds it. */
    private static Map<String, String> outOfScopeRows() throws Exception {
        Map<String, String> rows = new LinkedHashMap<>();
        try (Connection connection = DATABASE.connect();
                Statement statement = connection.createStatement()) {
            try (ResultSet set = statement.executeQuery("select o.id, o.reference, o.customer_id, o.status, o.total,"
                    + " o.note, o.shipped_at, o.version from orders o join customers c on c.id = o.customer_id"
                    + " where c.country is distinct from 'DE' order by o.id")) {
                while (set.next()) {
                    rows.put(
                            "order " + set.getLong(1),
                            set.getString(2) + "|" + set.getLong(3) + "|" + set.getString(4)
                                    + "|" + set.getBigDecimal(5) + "|" + set.getString(6) + "|" + set.getString(7) + "|"
                                    + set.getLong(8));
                }
            }
            try (ResultSet set = statement.executeQuery("select id, name, email, city, country, version from customers"
                    + " where country is distinct from 'DE' order by id")) {
                while (set.next()) {
                    rows.put(
                            "customer " + set.getLong(1),
                            set.getString(2) + "|" + set.getString(3) + "|" + set.getString(4) + "|" + set.getString(5)
                                    + "|" + set.getLong(6));
                }
            }
        }
        return rows;
    }

    // ------------------------------------------------------------------ helpers

    private String base() {
        return Deployments.localBase(injected);
    }

    private static String email(String role) {
        return switch (role) {
            case "admin" -> Deployments.ADMIN_EMAIL;
            case "editor" -> TestUsers.EDITOR;
            case "viewer" -> TestUsers.VIEWER;
            case "support" -> SUPPORT_USER;
            case "supadmin" -> SUPADMIN_USER;
            default -> NOPRICE_USER;
        };
    }

    private static String single(String sql) throws Exception {
        try (Connection connection = DATABASE.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static String group(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find()
                ? matcher.group(1)
                        .replace("&quot;", "\"")
                        .replace("&#39;", "'")
                        .replace("&lt;", "<")
                        .replace("&gt;", ">")
                        .replace("&amp;", "&")
                : "";
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String shorten(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "\u2026" : text;
    }

    /** An error page without what differs between any two responses (nonces, tokens, request ids). */
    private static String normalized(String html) {
        return html.replaceAll("[A-Za-z0-9+/=_-]{16,}", "T").replaceAll("\\d+", "N");
    }

    /** The inputs, selects and text areas of a form page, by name, as a browser would post them. */
    private static Map<String, String> formFields(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher input = Pattern.compile("<input[^>]*>").matcher(html);
        while (input.find()) {
            String name = group(Pattern.compile("name=\"([^\"]+)\""), input.group());
            if (!name.isEmpty()
                    && !name.equals("jakarta.faces.ViewState")
                    && name.startsWith("form")
                    && !input.group().contains("type=\"checkbox\"")) {
                fields.put(
                        name,
                        group(Pattern.compile("value=\"([^\"]*)\""), input.group())
                                .replace("&amp;", "&"));
            }
        }
        Matcher select = Pattern.compile("<select[^>]*name=\"(form[^\"]+)\"[^>]*>(.*?)</select>", Pattern.DOTALL)
                .matcher(html);
        while (select.find()) {
            String chosen = group(Pattern.compile("<option value=\"([^\"]*)\"[^>]*selected"), select.group(2));
            fields.put(select.group(1), chosen);
        }
        Matcher area = Pattern.compile("<textarea[^>]*name=\"(form[^\"]+)\"[^>]*>(.*?)</textarea>", Pattern.DOTALL)
                .matcher(html);
        while (area.find()) {
            fields.put(area.group(1), area.group(2).replace("&amp;", "&"));
        }
        fields.put("form", "form");
        return fields;
    }

    /** The input name of a property's field on the generic form. */
    private static String fieldInput(String html, String property) {
        Matcher matcher = Pattern.compile(
                        "id=\"field-" + property + "\".*?name=\"(form:fields:\\d+:\\w+)\"", Pattern.DOTALL)
                .matcher(html);
        assertTrue(matcher.find(), "no field " + property);
        return matcher.group(1);
    }

    /** The index of a property's field on the generic form, as its components are numbered. */
    private static int fieldIndex(String html, String property) {
        List<String> fields = new ArrayList<>();
        Matcher field =
                Pattern.compile("<div class=\"field\" id=\"field-(\\w+)\"").matcher(html);
        while (field.find()) {
            fields.add(field.group(1));
        }
        assertTrue(fields.contains(property), "no field " + property + " among " + fields);
        return fields.indexOf(property);
    }
}
