package org.gatehouse.it.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gatehouse.it.Browser;
import org.gatehouse.it.Deployments;
import org.gatehouse.it.HttpSession;
import org.gatehouse.it.TestDatabase;
import org.gatehouse.it.fixtures.AsAdmin;
import org.gatehouse.it.fixtures.AsEditor;
import org.gatehouse.it.fixtures.AsViewer;
import org.gatehouse.it.fixtures.SupportUsers;
import org.gatehouse.it.fixtures.TestUsers;
import org.gatehouse.service.AccessChecks;
import org.gatehouse.service.AccessRules;
import org.gatehouse.service.ConflictException;
import org.gatehouse.service.EntityLists;
import org.gatehouse.service.RuleEditor;
import org.gatehouse.service.RuleRefusedException;
import org.gatehouse.service.WriteException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A role's Permissions tab as an editor of row scopes and field rules: an admin narrows the
 * demo's support role in Chromium and a support user's next request sees it; wrong texts, parts
 * fixed by configuration, stale saves and callers who are not administrators change nothing.
 * One deployment: the browser and HTTP tests run as clients, the service tests in the container.
 */
@ExtendWith(ArquillianExtension.class)
class RuleEditorIT {

    private static final int ORDERS = 300;
    private static final int COUNT_CAP = 20;
    private static final String CONFIGURED_KEY = "GATEHOUSE_RULES_CUSTOMERS_SUPPORT_HIDDEN";
    private static final Pattern COUNT = Pattern.compile("id=\"total\">([^<]+) orders?<");

    /** Made on the client only: the test class is loaded in the container too. */
    private static final class Database {
        static final TestDatabase INSTANCE = TestDatabase.create();
    }

    @ArquillianResource
    private URL injected;

    @Inject
    private RuleEditor editor;

    @Inject
    private AsAdmin asAdmin;

    @Inject
    private AsEditor asEditor;

    @Inject
    private AsViewer asViewer;

    @Deployment
    static WebArchive deployment() {
        return Deployments.inContainer(Deployments.war(
                        Database.INSTANCE,
                        Map.of(
                                "GATEHOUSE_DEMO_ROWS",
                                Integer.toString(ORDERS),
                                "GATEHOUSE_COUNT_CAP",
                                Integer.toString(COUNT_CAP),
                                // the support role's hidden customer fields are fixed here, whatever an admin saves
                                CONFIGURED_KEY,
                                "email",
                                // editors may read roles, so that they reach the tab and can try its buttons
                                "GATEHOUSE_PERMISSIONS_ROLES_VIEW",
                                "admin,editor")))
                .addClasses(TestUsers.class, SupportUsers.class);
    }

    @Test
    @RunAsClient
    void anAdminNarrowsTheSupportRoleInTheBrowserAndTheSupportUsersNextRequestSeesIt() throws Exception {
        long support = roleId("support");
        String germanOrders =
                "select count(*) from orders o join customers c on c.id = o.customer_id where c.country = 'DE'";
        HttpSession supportUser = HttpSession.signedIn(base(), SupportUsers.SUPPORT, TestUsers.PASSWORD);
        long german = Database.INSTANCE.number(germanOrders);
        assertTrue(german > COUNT_CAP, "more German orders than the count cap: " + german);
        assertEquals("more than " + COUNT_CAP, listed(supportUser), "declared: the orders of German customers");

        try (Browser browser = new Browser(base())) {
            browser.signIn(Deployments.ADMIN_EMAIL, Deployments.ADMIN_PASSWORD);
            browser.open("admin/roles/" + support);
            browser.click("#details\\:tabs a[href*='tabs']:not([href*='detailsTab']):not([href*='historyTab'])");
            browser.find("#details\\:tabs\\:scope-orders");
            assertEquals(
                    "customer.country = {user.country}",
                    browser.find("#details\\:tabs\\:scope-orders").getAttribute("value"));
            assertEquals("declared", browser.text("#scopeSource-orders"));
            assertEquals("fixed by configuration: " + CONFIGURED_KEY, browser.text("#hiddenSource-customers"));
            assertFalse(browser.has("#details\\:tabs\\:hidden-customers"), "a configured part has no input");
            assertEquals("Email", browser.text("#details\\:tabs\\:hiddenFixed-customers"));
            assertEquals(List.of(), Axe.serious(browser), "the editor has no serious accessibility violation");

            browser.type("#details\\:tabs\\:scope-orders", "foo = 1");
            browser.click("#details\\:tabs\\:saveRules-orders");
            assertTrue(browser.textContaining("#details\\:tabs\\:scopeMessage-orders", "Scope:")
                    .contains("Scope: 'foo' is not a property"));
            assertEquals(
                    0,
                    Database.INSTANCE.number("select count(*) from role_rules where view_name = 'orders'"),
                    "nothing saved");

            browser.type("#details\\:tabs\\:scope-orders", "customer.country = {user.country} and status = 'SHIPPED'");
            browser.click("#details\\:tabs\\:saveRules-orders");
            browser.textContaining(".ui-growl", "The rules for Orders were saved"); // done-notices are toasts
            browser.textContaining("#scopeSource-orders", "edited");

            browser.type("#details\\:tabs\\:country-orders", "PT");
            browser.click("#details\\:tabs\\:previewRules-orders");
            String preview = browser.textContaining("#details\\:tabs\\:preview-orders", "country PT");
            long shippedPt =
                    Database.INSTANCE.number("select count(*) from orders o join customers c on c.id = o.customer_id"
                            + " where c.country = 'PT' and o.status = 'SHIPPED'");
            assertTrue(preview.contains("For " + SupportUsers.SUPPORT + " (country DE): "), preview);
            assertTrue(
                    preview.contains("For a user of country PT: " + shippedPt + " of " + ORDERS + " Orders"), preview);
        }

        long shippedDe = Database.INSTANCE.number(germanOrders + " and o.status = 'SHIPPED'");
        assertTrue(shippedDe > 0 && shippedDe < COUNT_CAP, "a few shipped German orders: " + shippedDe);
        assertEquals(
                Long.toString(shippedDe),
                listed(supportUser),
                "the same session's next request sees the narrowed list");
        String audit = Database.INSTANCE.text(
                "select changes from audit_log where action = 'RULES_CHANGED' and entity_type = 'Role'"
                        + " and entity_id = '" + support + "'");
        assertTrue(audit.contains("\"@view\":\"orders\"") && audit.contains("SHIPPED"), audit);
        assertTrue(supportUser.get("admin/roles/" + support).statusCode() == 403, "support users do not read roles");
    }

    @Test
    @RunAsClient
    void aStaleSaveIsAConflictAndEditorsAreRefusedEvenWithACraftedPostback() throws Exception {
        long viewer = roleId("viewer");
        HttpSession admin = HttpSession.signedIn(base(), Deployments.ADMIN_EMAIL, Deployments.ADMIN_PASSWORD);
        String page = admin.get("admin/roles/" + viewer).body();
        assertTrue(page.contains("id=\"details:tabs:saveRules-products\""), "admins get the editor");
        HttpResponse<String> stale =
                admin.postAjax("admin/roles/" + viewer, "stateless", save("products", "active = true", "7"));
        assertEquals(200, stale.statusCode());
        assertTrue(stale.body().contains("Someone else changed these rules since you opened the page"), stale.body());
        assertEquals(
                0,
                Database.INSTANCE.number("select count(*) from role_rules where role_id = " + viewer),
                "no silent overwrite");

        HttpSession editor = HttpSession.signedIn(base(), TestUsers.EDITOR, TestUsers.PASSWORD);
        String shown = editor.get("admin/roles/" + viewer).body();
        assertTrue(shown.contains("id=\"permissions\"") && !shown.contains("saveRules-"), "editors see no editor");
        HttpResponse<String> crafted =
                editor.postAjax("admin/roles/" + viewer, "stateless", save("products", "active = true", ""));
        assertEquals(403, crafted.statusCode());
        assertEquals(0, Database.INSTANCE.number("select count(*) from role_rules where role_id = " + viewer));

        HttpSession viewerUser = HttpSession.signedIn(base(), TestUsers.VIEWER, TestUsers.PASSWORD);
        assertEquals(403, viewerUser.get("admin/roles/" + viewer).statusCode());
    }

    /** The fields of a Save click on one view's panel, as PrimeFaces posts them. */
    private static Map<String, String> save(String view, String scope, String shownVersion) {
        String button = "details:tabs:saveRules-" + view;
        Map<String, String> form = new LinkedHashMap<>();
        form.put("details", "details");
        form.put("jakarta.faces.source", button);
        form.put("jakarta.faces.partial.execute", button + " details:tabs:scope-" + view);
        form.put("jakarta.faces.partial.render", "details:tabs:rules-" + view + " toasts");
        form.put(button, button);
        form.put("details:tabs:scope-" + view, scope);
        form.put("rulesVersion", shownVersion);
        return form;
    }

    @Test
    void onlyAdministratorsSaveOrPreviewAndConfiguredPartsAreRefused() throws Exception {
        long viewer = viewerRoleId();
        assertThrows(
                EJBAccessException.class,
                () -> asEditor.call(() -> editor.save(viewer, "orders", null, "id = 1", null, null)));
        assertThrows(
                EJBAccessException.class,
                () -> asViewer.call(() -> editor.save(viewer, "orders", null, "id = 1", null, null)));
        assertThrows(EJBAccessException.class, () -> asEditor.call(() -> editor.preview(viewer, "orders", null, "DE")));

        long support = supportRoleId();
        RuleEditor.Rules customers = asAdmin.call(() -> editor.of(support)).stream()
                .filter(r -> r.view().equals("customers"))
                .findFirst()
                .orElseThrow();
        assertEquals(AccessRules.Source.CONFIGURED, customers.hidden().source());
        assertEquals(CONFIGURED_KEY, customers.hidden().key());
        WriteException fixed = assertThrows(
                WriteException.class,
                () -> asAdmin.call(() -> editor.save(support, "customers", null, null, "name", null)));
        assertEquals("hidden", fixed.getField());
        assertTrue(
                fixed.getText().toString().contains(CONFIGURED_KEY),
                fixed.getText().toString());

        RuleRefusedException wrong = assertThrows(
                RuleRefusedException.class,
                () -> asAdmin.call(() -> editor.save(support, "products", null, "nope = 1", "total", "stock")));
        assertEquals(
                Map.of("scope", "'nope' is not a property", "hidden", "'total' is not a property of this view"),
                wrong.getProblems());

        RuleEditor.Saved first =
                asAdmin.call(() -> editor.save(support, "products", null, "active = true", "", "stock"));
        assertTrue(first.changed());
        Long seen = first.rules().version();
        asAdmin.call(() -> editor.save(support, "products", seen, "active = false", "", "stock"));
        assertThrows(
                ConflictException.class, () -> asAdmin.call(() -> editor.save(support, "products", seen, "", "", "")));
        assertThrows(
                ConflictException.class, () -> asAdmin.call(() -> editor.save(support, "products", null, "", "", "")));

        RuleEditor.Preview preview =
                asAdmin.call(() -> editor.preview(support, "orders", "customer.country = {user.country}", "PT"));
        assertEquals(2, preview.lines().size(), "the support user and the chosen country: " + preview);
        assertEquals("more than " + COUNT_CAP, preview.lines().get(0).visible().describe(), "counts stop at the cap");
        assertEquals(Long.valueOf(ORDERS), preview.total().value());
        assertThrows(
                WriteException.class, () -> asAdmin.call(() -> editor.preview(support, "orders", null, "Germany")));
    }

    @Inject
    private AccessChecks access;

    @Inject
    private EntityLists lists;

    @Inject
    private org.gatehouse.metadata.AdminRegistry registry;

    @Test
    void grantsChangeWhatARoleMayDoAtOnceWhileTheAdminsAndConfiguredOperationsStayFixed() throws Exception {
        long editorRole = em.createQuery("select r.id from Role r where r.name = 'editor'", Long.class)
                .getSingleResult();
        long adminRole = em.createQuery("select r.id from Role r where r.name = 'admin'", Long.class)
                .getSingleResult();
        var products = registry.view("products").orElseThrow();
        var customers = registry.view("customers").orElseThrow();
        var delete = org.gatehouse.metadata.Operation.DELETE;
        var view = org.gatehouse.metadata.Operation.VIEW;
        assertFalse(asEditor.call(() -> access.can(products, delete)), "declared: editors do not delete");

        RuleEditor.Rules shown = asAdmin.call(() -> editor.of(editorRole)).stream()
                .filter(r -> r.view().equals("products"))
                .findFirst()
                .orElseThrow();
        assertEquals(
                List.of(
                        new RuleEditor.Grant("VIEW", true, false),
                        new RuleEditor.Grant("CREATE", true, false),
                        new RuleEditor.Grant("EDIT", true, false),
                        new RuleEditor.Grant("DELETE", false, false)),
                shown.operations());
        RuleEditor.Saved granted = asAdmin.call(() -> editor.save(
                editorRole,
                "products",
                null,
                null,
                null,
                null,
                java.util.Set.of("VIEW", "CREATE", "EDIT", "DELETE"),
                java.util.Set.of()));
        assertTrue(granted.changed());
        assertTrue(asEditor.call(() -> access.can(products, delete)), "granted: from the next call on");
        assertTrue(
                em.createQuery(
                                "select a.changes from AuditEntry a where a.action = :action and a.entityId = :role"
                                        + " order by a.id desc",
                                String.class)
                        .setParameter("action", org.gatehouse.audit.AuditAction.RULES_CHANGED)
                        .setParameter("role", Long.toString(editorRole))
                        .setMaxResults(1)
                        .getSingleResult()
                        .contains("\"@operations\":{\"old\":\"VIEW, CREATE, EDIT\","
                                + "\"new\":\"VIEW, CREATE, EDIT, DELETE\"}"),
                "audited");

        RuleEditor.Saved none = asAdmin.call(
                () -> editor.save(editorRole, "customers", null, null, null, null, java.util.Set.of(), null));
        assertFalse(asEditor.call(() -> access.can(customers, view)), "every operation taken away");
        assertThrows(
                org.gatehouse.service.ForbiddenException.class,
                () -> asEditor.call(() -> lists.page(customers, org.gatehouse.service.ListRequest.defaults(customers))),
                "the service refuses, not only the menu");

        WriteException adminKeeps = assertThrows(
                WriteException.class,
                () -> asAdmin.call(
                        () -> editor.save(adminRole, "users", null, null, null, null, java.util.Set.of("VIEW"), null)));
        assertEquals("operations", adminKeeps.getField());
        WriteException configured = assertThrows(
                WriteException.class,
                () -> asAdmin.call(
                        () -> editor.save(editorRole, "roles", null, null, null, null, java.util.Set.of(), null)));
        assertTrue(
                configured.getText().toString().contains("GATEHOUSE_PERMISSIONS_ROLES_VIEW"),
                configured.getText().toString());
        RuleRefusedException unknown = assertThrows(
                RuleRefusedException.class,
                () -> asAdmin.call(() -> editor.save(
                        editorRole, "orders", null, null, null, null, java.util.Set.of("VIEW", "FLY\u0000"), null)));
        assertTrue(
                unknown.getProblems().get("operations").contains("'FLY?' is not one of"),
                unknown.getProblems().toString());
        assertThrows(
                EJBAccessException.class,
                () -> asEditor.call(() -> editor.save(
                        editorRole,
                        "products",
                        null,
                        null,
                        null,
                        null,
                        java.util.Set.of("VIEW", "CREATE", "EDIT", "DELETE"),
                        null)),
                "editors grant nothing");

        // back to the declarations, for the other tests of this deployment
        Long productsVersion = granted.rules().version();
        asAdmin.call(() -> editor.save(
                editorRole,
                "products",
                productsVersion,
                null,
                null,
                null,
                java.util.Set.of("VIEW", "CREATE", "EDIT"),
                java.util.Set.of()));
        Long customersVersion = none.rules().version();
        asAdmin.call(() -> editor.save(
                editorRole,
                "customers",
                customersVersion,
                null,
                null,
                null,
                java.util.Set.of("VIEW", "CREATE", "EDIT"),
                null));
        assertTrue(asEditor.call(() -> access.can(customers, view)));
        assertFalse(asEditor.call(() -> access.can(products, delete)));
    }

    // ---------------------------------------------------------------- helpers

    /** axe-core on the client only: its classes are not in the deployment the container loads this test from. */
    private static final class Axe {
        static List<String> serious(Browser browser) {
            List<String> serious = new java.util.ArrayList<>();
            for (Rule rule : new AxeBuilder()
                    .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                    .analyze(browser.driver())
                    .getViolations()) {
                if ("critical".equals(rule.getImpact()) || "serious".equals(rule.getImpact())) {
                    rule.getNodes().forEach(node -> serious.add(rule.getId() + " at " + node.getTarget()));
                }
            }
            return serious;
        }
    }

    @jakarta.persistence.PersistenceContext
    private jakarta.persistence.EntityManager em;

    private long viewerRoleId() {
        return em.createQuery("select r.id from Role r where r.name = 'viewer'", Long.class)
                .getSingleResult();
    }

    private long supportRoleId() {
        return em.createQuery("select r.id from Role r where r.name = 'support'", Long.class)
                .getSingleResult();
    }

    private String base() {
        return Deployments.localBase(injected);
    }

    /** The count the orders list shows ("12", "more than 20"). */
    private static String listed(HttpSession session) throws Exception {
        HttpResponse<String> list = session.get("admin/orders");
        assertEquals(200, list.statusCode());
        Matcher count = COUNT.matcher(list.body());
        int at = list.body().indexOf("id=\"total\"");
        assertTrue(
                count.find(),
                "the list shows its count: "
                        + (at < 0 ? list.body() : list.body().substring(at, at + 80)));
        return count.group(1).replace(",", "");
    }

    private static long roleId(String name) throws Exception {
        return Database.INSTANCE.number("select id from roles where name = '" + name + "'");
    }
}
