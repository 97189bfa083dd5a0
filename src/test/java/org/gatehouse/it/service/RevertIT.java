package org.gatehouse.it.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.gatehouse.audit.AuditAction;
import org.gatehouse.audit.AuditEntry;
import org.gatehouse.demo.Customer;
import org.gatehouse.demo.Order;
import org.gatehouse.identity.Role;
import org.gatehouse.identity.User;
import org.gatehouse.it.Browser;
import org.gatehouse.it.Deployments;
import org.gatehouse.it.HttpSession;
import org.gatehouse.it.TestDatabase;
import org.gatehouse.it.fixtures.AsAdmin;
import org.gatehouse.it.fixtures.AsEditor;
import org.gatehouse.it.fixtures.AsViewer;
import org.gatehouse.it.fixtures.TestUsers;
import org.gatehouse.it.pages.DetailsPage;
import org.gatehouse.metadata.AdminRegistry;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.persistence.BaseEntity;
import org.gatehouse.service.ConflictException;
import org.gatehouse.service.EntityLookups;
import org.gatehouse.service.EntityService;
import org.gatehouse.service.ForbiddenException;
import org.gatehouse.service.RecordHistory;
import org.gatehouse.service.RecordHistory.Mode;
import org.gatehouse.service.WriteException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Revert from a record's history, inside Payara Micro on PostgreSQL: the service as admin, editor
 * and viewer (one field, a whole version, relations, stale previews, secrets), and the details
 * page over HTTP (preview, confirm, conflict, crafted requests).
 */
@ExtendWith(ArquillianExtension.class)
class RevertIT {

    /** Made on the client only: the test class is loaded in the container too. */
    private static final class Database {
        static final TestDatabase INSTANCE = TestDatabase.create();
    }

    private static final Pattern SHOWN_VERSION = Pattern.compile("revertVersion[^0-9]{1,40}(\\d+)");

    @ArquillianResource
    private URL injected;

    @Inject
    private EntityService service;

    @Inject
    private EntityLookups lookups;

    @Inject
    private RecordHistory history;

    @Inject
    private AdminRegistry registry;

    @Inject
    private AsAdmin asAdmin;

    @Inject
    private AsEditor asEditor;

    @Inject
    private AsViewer asViewer;

    @PersistenceContext
    private EntityManager em;

    @Deployment
    static WebArchive deployment() {
        return Deployments.inContainer(Deployments.war(Database.INSTANCE, Map.of("GATEHOUSE_DEMO_ROWS", "200")))
                .addClass(TestUsers.class);
    }

    // ---------------------------------------------------------------- in the container

    @SuppressWarnings("unchecked")
    private <E> AdminView<E> view(String name) {
        return (AdminView<E>) registry.view(name).orElseThrow();
    }

    /** Edits a detached copy as the form does, each step in its own transaction. */
    private <E> void edit(String viewName, Object id, Consumer<E> change) throws Exception {
        AdminView<E> view = view(viewName);
        E copy = asAdmin.call(() -> lookups.find(view, String.valueOf(id)).orElseThrow());
        change.accept(copy);
        asAdmin.call(() -> service.update(view, copy, null));
    }

    private <E> E load(String viewName, Object id) throws Exception {
        AdminView<E> view = view(viewName);
        return asAdmin.call(() -> lookups.find(view, String.valueOf(id)).orElseThrow());
    }

    private List<AuditEntry> entries(String type, Object id) {
        return em.createQuery(
                        "select a from AuditEntry a where a.entityType = :t and a.entityId = :id order by a.at, a.id",
                        AuditEntry.class)
                .setParameter("t", type)
                .setParameter("id", String.valueOf(id))
                .getResultList();
    }

    private AuditEntry last(String type, Object id) {
        List<AuditEntry> all = entries(type, id);
        return all.get(all.size() - 1);
    }

    private long customerId(int index) {
        return em.createQuery("select c.id from Customer c order by c.id", Long.class)
                .setFirstResult(index)
                .setMaxResults(1)
                .getSingleResult();
    }

    private Set<String> fields(RecordHistory.Preview preview) {
        return preview.steps().stream().map(s -> s.property().name()).collect(Collectors.toSet());
    }

    private RecordHistory.Preview preview(String viewName, Object id, long entry, Mode mode) throws Exception {
        return asAdmin.call(() ->
                history.preview(view(viewName), String.valueOf(id), entry, mode).orElseThrow());
    }

    @Test
    void oneChangeIsRevertedAndAWholeVersionRestoredEachAuditedNamingTheEntry() throws Exception {
        long id = customerId(0);
        Customer original = load("customers", id);
        edit("customers", id, (Customer c) -> c.setCity("Aveiro"));
        edit("customers", id, (Customer c) -> {
            c.setCity("Braga");
            c.setName("Second Name");
        });
        long second = last("Customer", id).getId();
        edit("customers", id, (Customer c) -> c.setCity("Coimbra"));
        long third = last("Customer", id).getId();

        RecordHistory.Preview change = preview("customers", id, second, Mode.CHANGE);
        assertEquals(Set.of("city", "name"), fields(change), "only what the entry changed");
        assertTrue(change.applicable());
        Map<String, Object> after = change.steps().stream()
                .collect(Collectors.toMap(s -> s.property().name(), s -> s.after()));
        assertEquals("Aveiro", after.get("city"));
        assertEquals(original.getName(), after.get("name"));
        asAdmin.call(() -> history.apply(view("customers"), String.valueOf(id), second, Mode.CHANGE, change.version()));
        Customer reverted = load("customers", id);
        assertEquals("Aveiro", reverted.getCity());
        assertEquals(original.getName(), reverted.getName());
        AuditEntry revert = last("Customer", id);
        assertEquals(AuditAction.UPDATE, revert.getAction());
        assertTrue(revert.getChanges().contains("\"@revertOf\":\"" + second + "\""), revert.getChanges());

        RecordHistory.Preview version = preview("customers", id, third, Mode.VERSION);
        assertEquals(Set.of("city", "name"), fields(version), "every field that differs from that version");
        asAdmin.call(
                () -> history.apply(view("customers"), String.valueOf(id), third, Mode.VERSION, version.version()));
        Customer restored = load("customers", id);
        assertEquals("Coimbra", restored.getCity());
        assertEquals("Second Name", restored.getName());
        assertTrue(last("Customer", id).getChanges().contains("\"@restoreOf\":\"" + third + "\""));

        RecordHistory.Preview again = preview("customers", id, third, Mode.VERSION);
        assertFalse(again.applicable(), "nothing left to restore");
        assertThrows(
                WriteException.class,
                () -> asAdmin.call(() ->
                        history.apply(view("customers"), String.valueOf(id), third, Mode.VERSION, again.version())));
    }

    @Test
    void aRevertPreviewedBeforeAnotherChangeIsAConflictAndWritesNothing() throws Exception {
        long id = customerId(1);
        edit("customers", id, (Customer c) -> c.setCity("Faro"));
        long entry = last("Customer", id).getId();
        RecordHistory.Preview preview =
                asEditor.call(() -> history.preview(view("customers"), String.valueOf(id), entry, Mode.CHANGE)
                        .orElseThrow());
        edit("customers", id, (Customer c) -> c.setName("Changed Meanwhile"));
        int trail = entries("Customer", id).size();
        assertThrows(
                ConflictException.class,
                () -> asEditor.call(() ->
                        history.apply(view("customers"), String.valueOf(id), entry, Mode.CHANGE, preview.version())));
        Customer now = load("customers", id);
        assertEquals("Faro", now.getCity(), "nothing reverted");
        assertEquals("Changed Meanwhile", now.getName(), "the other change stands");
        assertEquals(trail, entries("Customer", id).size(), "no entry for a refused revert");
    }

    @Test
    void aViewerMayNeitherPreviewNorRevert() throws Exception {
        long id = customerId(2);
        edit("customers", id, (Customer c) -> c.setCity("Evora"));
        long entry = last("Customer", id).getId();
        assertThrows(
                ForbiddenException.class,
                () -> asViewer.call(() -> history.preview(view("customers"), String.valueOf(id), entry, Mode.CHANGE)));
        assertThrows(
                ForbiddenException.class,
                () -> asViewer.call(() -> history.apply(
                        view("customers"),
                        String.valueOf(id),
                        entry,
                        Mode.CHANGE,
                        load("customers", id) instanceof BaseEntity b ? b.getVersion() : 0)));
        assertEquals("Evora", ((Customer) load("customers", id)).getCity());
        assertTrue(
                em.createQuery(
                                        "select count(a) from AuditEntry a where a.action = :f and a.changes like '%customers:revert%'",
                                        Long.class)
                                .setParameter("f", AuditAction.FORBIDDEN)
                                .getSingleResult()
                        >= 2,
                "refusals are audited");
        // the entry of another record, or none at all, is no entry of this one
        assertTrue(asAdmin.call(
                        () -> history.preview(view("customers"), String.valueOf(customerId(3)), entry, Mode.CHANGE))
                .isEmpty());
        assertTrue(asAdmin.call(() -> history.preview(view("customers"), "not-a-number", entry, Mode.CHANGE))
                .isEmpty());
    }

    @Test
    void aManyToOneRelationRevertsToTheRecordItNamedAndAVanishedOneIsExplainedNotHalfApplied() throws Exception {
        long orderId = em.createQuery("select o.id from ShopOrder o order by o.id", Long.class)
                .setMaxResults(1)
                .getSingleResult();
        Order order = load("orders", orderId);
        long originalCustomer = order.getCustomer().getId();
        Customer other = load("customers", customerId(4));
        edit("orders", orderId, (Order o) -> o.setCustomer(other));
        long moved = last("Order", orderId).getId();
        assertTrue(
                last("Order", orderId).getChanges().contains("\"oldRef\":\"" + originalCustomer + "\""),
                "the ids are recorded beside the labels: "
                        + last("Order", orderId).getChanges());

        RecordHistory.Preview preview = preview("orders", orderId, moved, Mode.CHANGE);
        assertEquals(Set.of("customer"), fields(preview));
        asAdmin.call(
                () -> history.apply(view("orders"), String.valueOf(orderId), moved, Mode.CHANGE, preview.version()));
        assertEquals(
                originalCustomer,
                ((Order) load("orders", orderId)).getCustomer().getId());

        // a customer created for the order, then replaced and deleted: its entry cannot be reverted
        Customer passing = new Customer();
        passing.setName("Passing Customer");
        passing.setEmail("passing@revert.test");
        passing.setCountry("PT");
        Customer created = asAdmin.call(() -> service.create(view("customers"), passing, null));
        edit("orders", orderId, (Order o) -> o.setCustomer(created));
        Customer back = load("customers", originalCustomer);
        edit("orders", orderId, (Order o) -> {
            o.setCustomer(back);
            o.setNote("replaced the passing customer");
        });
        long replaced = last("Order", orderId).getId();
        asAdmin.run(() -> service.delete(view("customers"), String.valueOf(created.getId()), created.getVersion()));
        RecordHistory.Preview gone = preview("orders", orderId, replaced, Mode.CHANGE);
        assertFalse(gone.applicable());
        assertEquals(
                List.of("revert.problem.gone"),
                gone.problems().stream().map(RecordHistory.Remark::key).toList());
        assertThrows(
                WriteException.class,
                () -> asAdmin.call(() ->
                        history.apply(view("orders"), String.valueOf(orderId), replaced, Mode.CHANGE, gone.version())));
        Order untouched = load("orders", orderId);
        assertEquals("replaced the passing customer", untouched.getNote(), "no field of the entry reverted alone");
        assertEquals(originalCustomer, untouched.getCustomer().getId());
    }

    private String hash(long userId) {
        return (String) em.createNativeQuery("select password_hash from users where id = ?1")
                .setParameter(1, userId)
                .getSingleResult();
    }

    @Test
    void rolesRevertAsASetWithAFreshSignInAndSecretsAreNeverShownOrReverted() throws Exception {
        long userId = em.createQuery("select u.id from User u where u.email = :e", Long.class)
                .setParameter("e", TestUsers.LOCKABLE)
                .getSingleResult();
        Role editor = em.createQuery("select r from Role r where r.name = 'editor'", Role.class)
                .getSingleResult();
        edit("users", userId, (User u) -> u.getRoles().add(editor));
        long granted = last("User", userId).getId();
        String hashBefore = hash(userId);
        User copy = load("users", userId);
        asAdmin.call(() -> service.update(view("users"), copy, "another-long-password-77"));
        long passwordChange = last("User", userId).getId();
        em.clear();
        String hashAfter = hash(userId);

        RecordHistory.Preview roles = preview("users", userId, granted, Mode.CHANGE);
        assertEquals(Set.of("roles"), fields(roles));
        asAdmin.call(() -> history.apply(view("users"), String.valueOf(userId), granted, Mode.CHANGE, roles.version()));
        em.clear();
        User reverted = em.find(User.class, userId);
        assertEquals(
                Set.of("viewer"),
                reverted.getRoles().stream().map(Role::getName).collect(Collectors.toSet()));
        assertEquals(hashAfter, hash(userId), "the password stays");

        RecordHistory.Preview secret = preview("users", userId, passwordChange, Mode.CHANGE);
        assertFalse(secret.applicable(), "a password change has nothing to revert");
        assertEquals(
                List.of("revert.note.secret"),
                secret.notes().stream().map(RecordHistory.Remark::key).toList());
        RecordHistory.Preview version = preview("users", userId, granted, Mode.VERSION);
        for (RecordHistory.Preview p : List.of(secret, version)) {
            String shown = p.steps().toString() + p.notes() + p.problems();
            assertFalse(shown.contains(hashBefore) || shown.contains(hashAfter), "no hash in " + shown);
            assertTrue(p.steps().stream()
                    .noneMatch(s -> Set.of("passwordHash", "totpSecret", "sessionStamp")
                            .contains(s.property().name())));
        }
    }

    // ---------------------------------------------------------------- over HTTP

    private String base() {
        return Deployments.localBase(injected);
    }

    /** A customer whose city an earlier edit changed from "Lisboa": the entry as the audit trail holds it. */
    private static long[] customerWithRecordedChange(long offset) throws Exception {
        long customer = Database.INSTANCE.number("select id from customers order by id offset " + offset + " limit 1");
        long entry = Database.INSTANCE.number("select nextval('audit_log_seq')");
        Database.INSTANCE.execute("update customers set city = 'Porto', version = version + 1 where id = " + customer);
        Database.INSTANCE.execute(
                "insert into audit_log (id, at, actor, action, entity_type, entity_id, entity_label, changes) values ("
                        + entry + ", now(), '" + Deployments.ADMIN_EMAIL + "', 'UPDATE', 'Customer', '" + customer
                        + "', 'x', '{\"city\":{\"old\":\"Lisboa\",\"new\":\"Porto\"}}')");
        return new long[] {customer, entry};
    }

    private static String shownVersion(String html) {
        Matcher matcher = SHOWN_VERSION.matcher(html);
        assertTrue(matcher.find(), "the preview's Confirm carries the version it showed");
        return matcher.group(1);
    }

    private static Map<String, String> confirm(String version) {
        return Map.of("details", "details", "details:revertConfirm", "", "revertVersion", version);
    }

    @Test
    @RunAsClient
    void thePageShowsThePreviewAndConfirmRevertsAStalePreviewIsAConflict() throws Exception {
        long[] recorded = customerWithRecordedChange(10);
        String path = "admin/customers/" + recorded[0];
        HttpSession admin = HttpSession.signedIn(base(), Deployments.ADMIN_EMAIL, Deployments.ADMIN_PASSWORD);
        HttpResponse<String> details = admin.get(path);
        assertEquals(200, details.statusCode());
        assertTrue(details.body().contains("revertChange-" + recorded[1]), "the History tab offers the revert");

        String previewPath = path + "?revert=" + recorded[1] + "&mode=change";
        HttpResponse<String> preview = admin.get(previewPath);
        assertEquals(200, preview.statusCode());
        assertTrue(preview.body().contains("id=\"revertSteps\""), "the side-by-side preview");
        assertTrue(preview.body().contains("Porto") && preview.body().contains("Lisboa"));
        String version = shownVersion(preview.body());

        // someone else changes the record after the preview: the confirm is a conflict and writes nothing
        Database.INSTANCE.execute(
                "update customers set name = 'Renamed Meanwhile', version = version + 1 where id = " + recorded[0]);
        HttpResponse<String> stale = admin.post(previewPath, "stateless", confirm(version));
        assertEquals(409, stale.statusCode());
        assertTrue(
                stale.body().contains("changed by someone else") || stale.body().contains("since you opened"),
                "the conflict is explained");
        assertEquals("Porto", Database.INSTANCE.text("select city from customers where id = " + recorded[0]));

        HttpResponse<String> fresh = admin.get(previewPath);
        HttpResponse<String> done = admin.post(previewPath, "stateless", confirm(shownVersion(fresh.body())));
        assertEquals(302, done.statusCode(), done.body());
        assertEquals("Lisboa", Database.INSTANCE.text("select city from customers where id = " + recorded[0]));
        assertEquals(
                "Renamed Meanwhile", Database.INSTANCE.text("select name from customers where id = " + recorded[0]));
        String audit =
                Database.INSTANCE.text("select changes from audit_log where entity_type = 'Customer' and entity_id = '"
                        + recorded[0] + "' and action = 'UPDATE' order by at desc, id desc limit 1");
        assertTrue(audit.contains("\"@revertOf\":\"" + recorded[1] + "\""), audit);
        HttpResponse<String> after = admin.get(path);
        assertTrue(after.body().contains("Reverts"), "the History tab names the revert");
    }

    @Test
    @RunAsClient
    void viewersAreRefusedAndCraftedRequestsAreAnsweredWithoutAnError() throws Exception {
        long[] recorded = customerWithRecordedChange(11);
        String path = "admin/customers/" + recorded[0];
        String previewPath = path + "?revert=" + recorded[1] + "&mode=change";
        HttpSession viewer = HttpSession.signedIn(base(), TestUsers.VIEWER, TestUsers.PASSWORD);
        HttpResponse<String> details = viewer.get(path);
        assertEquals(200, details.statusCode());
        assertFalse(details.body().contains("revertChange-"), "no revert offered to a viewer");
        assertEquals(403, viewer.get(previewPath).statusCode());
        HttpResponse<String> crafted = viewer.post(previewPath, "stateless", confirm("1"));
        assertEquals(403, crafted.statusCode());
        assertEquals(
                "Porto",
                Database.INSTANCE.text("select city from customers where id = " + recorded[0]),
                "nothing reverted");

        HttpSession editor = HttpSession.signedIn(base(), TestUsers.EDITOR, TestUsers.PASSWORD);
        assertEquals(200, editor.get(previewPath).statusCode(), "editors may revert shop data");
        assertEquals(400, editor.get(path + "?revert=abc&mode=change").statusCode());
        assertEquals(
                400,
                editor.get(path + "?revert=" + recorded[1] + "&mode=sideways").statusCode());
        assertEquals(
                400,
                editor.get(path + "?revert=99999999999999999999&mode=change").statusCode());
        long otherCustomer = Database.INSTANCE.number("select id from customers order by id offset 12 limit 1");
        assertEquals(
                404,
                editor.get("admin/customers/" + otherCustomer + "?revert=" + recorded[1] + "&mode=change")
                        .statusCode(),
                "the entry of another record");
        assertEquals(404, editor.get(path + "?revert=1&mode=version").statusCode());
        HttpResponse<String> malformed = editor.post(previewPath, "stateless", confirm("not-a-version"));
        assertEquals(409, malformed.statusCode(), "a malformed version is a conflict");
        assertEquals("Porto", Database.INSTANCE.text("select city from customers where id = " + recorded[0]));
    }

    @Test
    @RunAsClient
    void inTheBrowserTheHistoryTabLeadsToAPreviewAndConfirmRevertsTheChange() throws Exception {
        long[] recorded = customerWithRecordedChange(13);
        InTheBrowser.revert(base(), recorded[1], recorded[0]);
    }

    /** Selenium and axe on the client only: their classes are not in the deployment the container loads this test from. */
    private static final class InTheBrowser {
        static void revert(String base, long entry, long customer) throws Exception {
            try (Browser browser = new Browser(base)) {
                browser.signIn(TestUsers.EDITOR, TestUsers.PASSWORD);
                DetailsPage page =
                        DetailsPage.open(browser, "customers", customer).revertChange(entry);
                assertTrue(
                        browser.text("#revertTitle").startsWith("Revert the change of"), browser.text("#revertTitle"));
                String step = page.revertSteps();
                assertTrue(
                        step.contains("Porto")
                                && step.contains("Lisboa")
                                && step.indexOf("Porto") < step.indexOf("Lisboa"),
                        "now, then after the revert: " + step);
                assertEquals(List.of(), Axe.serious(browser), "the preview has no serious accessibility violation");
                assertEquals(
                        "Porto",
                        Database.INSTANCE.text("select city from customers where id = " + customer),
                        "a preview writes nothing");

                assertEquals("Reverted: the change was undone.", page.confirmRevert());
                assertFalse(browser.has("#revertSteps"), "back on the record");
                assertEquals("Lisboa", Database.INSTANCE.text("select city from customers where id = " + customer));
                assertTrue(page.property("city").contains("Lisboa"), page.property("city"));
                assertTrue(page.history().contains("Reverts"), "the History tab names the revert");
                assertEquals(List.of(), browser.cspViolations());
            }
        }
    }

    /** axe-core on the client only: its classes are not in the deployment the container loads this test from. */
    private static final class Axe {
        static List<String> serious(Browser browser) {
            List<String> serious = new java.util.ArrayList<>();
            for (com.deque.html.axecore.results.Rule rule : new com.deque.html.axecore.selenium.AxeBuilder()
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
}
