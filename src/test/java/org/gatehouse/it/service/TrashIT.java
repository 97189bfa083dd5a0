package org.gatehouse.it.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gatehouse.demo.Customer;
import org.gatehouse.demo.Order;
import org.gatehouse.demo.Product;
import org.gatehouse.identity.Role;
import org.gatehouse.it.Deployments;
import org.gatehouse.it.HttpSession;
import org.gatehouse.it.TestDatabase;
import org.gatehouse.it.fixtures.AsAdmin;
import org.gatehouse.it.fixtures.AsEditor;
import org.gatehouse.it.fixtures.AsViewer;
import org.gatehouse.it.fixtures.TestUsers;
import org.gatehouse.metadata.AdminRegistry;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.service.BulkWrites;
import org.gatehouse.service.EntityLists;
import org.gatehouse.service.EntityLookups;
import org.gatehouse.service.EntityService;
import org.gatehouse.service.ForbiddenException;
import org.gatehouse.service.ListRequest;
import org.gatehouse.service.Trash;
import org.gatehouse.service.TrashRetention;
import org.gatehouse.service.WriteException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The trash, inside Payara Micro on PostgreSQL: delete into it and restore with the same id and
 * history, invisible to lists, counts, pickers and exports, unique clashes on restore, bulk delete,
 * bulk restore and delete forever, retention, refusals for editors and viewers; and the page over
 * HTTP, also for a caller whose row scope must hide what lies outside it.
 */
@ExtendWith(ArquillianExtension.class)
class TrashIT {

    /** Made on the client only: the test class is loaded in the container too. */
    private static final class Database {
        static final TestDatabase INSTANCE = TestDatabase.create();
    }

    private static final String SCOPED_ADMIN = "trash-scoped@gatehouse.test";
    private static final Pattern TRASH_ROW = Pattern.compile("id=\"trashed-(\\d+)\"");

    @ArquillianResource
    private URL injected;

    @Inject
    private EntityService service;

    @Inject
    private BulkWrites bulkWrites;

    @Inject
    private EntityLists lists;

    @Inject
    private EntityLookups lookups;

    @Inject
    private Trash trash;

    @Inject
    private TrashRetention retention;

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

    private static Product product(String sku) {
        Product product = new Product();
        product.setSku(sku);
        product.setName("Trash " + sku);
        product.setPrice(new BigDecimal("12.34"));
        product.setStock(7);
        product.setActive(true);
        return product;
    }

    private Product created(String sku) throws Exception {
        return asAdmin.call(() -> service.create(view("products"), product(sku), null));
    }

    private <E> void delete(String viewName, Object id) throws Exception {
        AdminView<E> view = view(viewName);
        asAdmin.run(() -> {
            E current = lookups.find(view, String.valueOf(id)).orElseThrow();
            service.delete(view, String.valueOf(id), ((org.gatehouse.persistence.BaseEntity) current).getVersion());
        });
    }

    private Trash.Item trashed(String viewName, String search) throws Exception {
        List<Trash.Item> found =
                asAdmin.call(() -> trash.list(view(viewName), search, 0, 10)).items();
        assertEquals(1, found.size(), "one trashed record found by " + search);
        return found.get(0);
    }

    private List<String> actions(String type, Object id) {
        return em
                .createQuery(
                        "select a.action from AuditEntry a where a.entityType = :t and a.entityId = :id"
                                + " order by a.at, a.id",
                        org.gatehouse.audit.AuditAction.class)
                .setParameter("t", type)
                .setParameter("id", String.valueOf(id))
                .getResultList()
                .stream()
                .map(Enum::name)
                .toList();
    }

    @Test
    void aDeletedOrderGoesToTheTrashAndComesBackWithItsIdValuesAndHistory() throws Exception {
        AdminView<Order> orders = view("orders");
        Order before = em.createQuery("select o from ShopOrder o order by o.id", Order.class)
                .setFirstResult(5)
                .setMaxResults(1)
                .getSingleResult();
        long id = before.getId();
        String reference = before.getReference();
        delete("orders", id);

        assertTrue(asAdmin.call(() -> lookups.find(orders, String.valueOf(id))).isEmpty(), "gone from the table");
        ListRequest search = ListRequest.parse(orders, Map.of("q", reference)).request();
        assertEquals(0, asAdmin.call(() -> lists.count(orders, search)), "not counted");
        assertTrue(asAdmin.call(() -> lists.page(orders, search)).isEmpty(), "not listed");
        assertTrue(
                asAdmin.call(() -> lists.exportBatch(orders, search, null, 10)).isEmpty(), "not exported");
        Trash.Item item = trashed("orders", reference.toLowerCase(java.util.Locale.ROOT));
        assertEquals(String.valueOf(id), item.recordId());
        assertEquals(reference, item.title());
        assertTrue(item.deletedBy() != null && item.deletedAt() != null, "who deleted it when");
        assertTrue(actions("Order", id).contains("DELETE"));

        assertEquals(1, asAdmin.call(() -> trash.restore(orders, List.of(item.id()))));
        Order after =
                asAdmin.call(() -> lookups.find(orders, String.valueOf(id))).orElseThrow();
        assertEquals(reference, after.getReference());
        assertEquals(0, before.getTotal().compareTo(after.getTotal()));
        assertEquals(before.getStatus(), after.getStatus());
        assertEquals(before.getCreatedAt().toInstant(), after.getCreatedAt().toInstant(), "to the microsecond");
        assertEquals(before.getCustomer().getId(), after.getCustomer().getId());
        assertEquals(before.getNote(), after.getNote());
        assertEquals(0, asAdmin.call(() -> trash.list(orders, reference, 0, 10)).total(), "out of the trash");
        List<String> history = actions("Order", id);
        assertEquals(List.of("DELETE", "RESTORE"), history.subList(history.size() - 2, history.size()));
        assertEquals(
                history.size(),
                asAdmin.call(() -> lookups.history(orders, String.valueOf(id), 100))
                        .size(),
                "the History tab shows the whole trail, the delete and restore included");
    }

    @Test
    void aTrashedCustomerIsNoLongerOfferedByPickersAndItsEmailIsFreeUntilRestored() throws Exception {
        AdminView<Customer> customers = view("customers");
        Customer customer = new Customer();
        customer.setName("Trashed Picker Person");
        customer.setEmail("trashed.picker@example.test");
        customer.setCountry("FR");
        long id = asAdmin.call(() -> service.create(customers, customer, null)).getId();
        assertEquals(
                1,
                asAdmin.call(() -> lookups.suggest(Customer.class, "name", "Trashed Picker", 10))
                        .size());
        delete("customers", id);
        assertTrue(
                asAdmin.call(() -> lookups.suggest(Customer.class, "name", "Trashed Picker", 10))
                        .isEmpty(),
                "the order form's customer picker no longer offers it");
        assertTrue(asAdmin.call(() -> lookups.findByType(Customer.class, String.valueOf(id)))
                .isEmpty());
        assertEquals(
                0,
                asAdmin.call(() -> lists.count(
                        customers,
                        ListRequest.parse(customers, Map.of("q", "trashed.picker@example.test"))
                                .request())));
        Trash.Item item = trashed("customers", "Trashed Picker");
        asAdmin.call(() -> trash.restore(customers, List.of(item.id())));
        assertEquals(
                1,
                asAdmin.call(() -> lookups.suggest(Customer.class, "name", "Trashed Picker", 10))
                        .size());
    }

    @Test
    void restoringOverAUniqueKeyTakenMeanwhileIsRefusedWithAMessageAndChangesNothing() throws Exception {
        AdminView<Product> products = view("products");
        long id = created("TRASH-CLASH").getId();
        delete("products", id);
        // the unique check no longer sees the trashed record: its key may be used again
        long other = created("TRASH-CLASH").getId();
        assertNotEquals(id, other);
        Trash.Item item = trashed("products", "trash-clash");
        WriteException refused = assertThrows(
                WriteException.class, () -> asAdmin.call(() -> trash.restore(products, List.of(item.id()))));
        assertEquals("trash.clash", refused.getText().key());
        assertTrue(
                refused.getText().text(java.util.Locale.ENGLISH).contains("Trash TRASH-CLASH")
                        || refused.getText().text(java.util.Locale.ENGLISH).contains("TRASH-CLASH"),
                refused.getText().toString());
        assertEquals(
                1,
                asAdmin.call(() -> trash.list(products, "trash-clash", 0, 10)).total(),
                "still in the trash");
        assertTrue(
                asAdmin.call(() -> lookups.find(products, String.valueOf(id))).isEmpty(), "not restored");
        assertEquals(
                other,
                asAdmin.call(() -> lookups.find(products, String.valueOf(other)))
                        .orElseThrow()
                        .getId());
        assertFalse(actions("Product", id).contains("RESTORE"), "nothing audited");
    }

    @Test
    void bulkDeleteBulkRestoreAndDeleteForeverEachAudited() throws Exception {
        AdminView<Product> products = view("products");
        Map<String, Long> versions = new LinkedHashMap<>();
        for (String sku : List.of("TRASH-BULK-1", "TRASH-BULK-2", "TRASH-BULK-3")) {
            Product product = created(sku);
            versions.put(String.valueOf(product.getId()), product.getVersion());
        }
        assertEquals(3, asAdmin.call(() -> bulkWrites.deleteAll(products, versions)));
        List<Trash.Item> items =
                asAdmin.call(() -> trash.list(products, "trash-bulk", 0, 10)).items();
        assertEquals(3, items.size());
        for (String id : versions.keySet()) {
            assertTrue(actions("Product", id).contains("BULK_DELETE"));
        }
        List<Long> restore = items.stream()
                .filter(i -> !i.title().endsWith("3"))
                .map(Trash.Item::id)
                .toList();
        assertEquals(2, asAdmin.call(() -> trash.restore(products, restore)));
        Trash.Item last = trashed("products", "trash-bulk");
        assertEquals(1, asAdmin.call(() -> trash.purge(products, List.of(last.id()))));
        assertEquals(
                0, asAdmin.call(() -> trash.list(products, "trash-bulk", 0, 10)).total());
        for (String id : versions.keySet()) {
            boolean purged = id.equals(last.recordId());
            assertEquals(!purged, asAdmin.call(() -> lookups.find(products, id)).isPresent());
            assertTrue(
                    actions("Product", id).contains(purged ? "PURGE" : "RESTORE"),
                    actions("Product", id).toString());
        }
        // a record restored or purged meanwhile: refused as a whole, nothing changes
        assertThrows(WriteException.class, () -> asAdmin.call(() -> trash.restore(products, List.of(last.id()))));
        assertThrows(WriteException.class, () -> asAdmin.call(() -> trash.purge(products, List.of(last.id()))));
    }

    @Test
    void retentionPurgesOnlyWhatWasDeletedBeforeTheCutOff() throws Exception {
        AdminView<Product> products = view("products");
        long old = created("TRASH-OLD").getId();
        long fresh = created("TRASH-FRESH").getId();
        delete("products", old);
        delete("products", fresh);
        Trash.Item oldItem = trashed("products", "trash-old");
        var transaction = (jakarta.transaction.UserTransaction)
                new javax.naming.InitialContext().lookup("java:comp/UserTransaction");
        transaction.begin();
        em.createQuery("update TrashedRecord t set t.deletedAt = :at where t.id = :id")
                .setParameter("at", OffsetDateTime.now(ZoneOffset.UTC).minusDays(40))
                .setParameter("id", oldItem.id())
                .executeUpdate();
        transaction.commit();

        int purged =
                retention.purgeDeletedBefore(OffsetDateTime.now(ZoneOffset.UTC).minusDays(30));
        assertTrue(purged >= 1);
        assertEquals(
                0, asAdmin.call(() -> trash.list(products, "trash-old", 0, 10)).total(), "purged");
        assertEquals(
                1,
                asAdmin.call(() -> trash.list(products, "trash-fresh", 0, 10)).total(),
                "kept");
        assertEquals(
                1L,
                em.createQuery(
                                "select count(a) from AuditEntry a where a.action = :purge and a.entityType = 'Trash'",
                                Long.class)
                        .setParameter("purge", org.gatehouse.audit.AuditAction.PURGE)
                        .getSingleResult(),
                "one audit entry for the purge");
    }

    @Test
    void editorsAndViewersMayNotUseTheTrashAndViewsWithoutOneKeepNothing() throws Exception {
        AdminView<Product> products = view("products");
        long id = created("TRASH-REFUSED").getId();
        delete("products", id);
        Trash.Item item = trashed("products", "trash-refused");
        assertThrows(ForbiddenException.class, () -> asEditor.call(() -> trash.list(products, null, 0, 10)));
        assertThrows(ForbiddenException.class, () -> asEditor.call(() -> trash.restore(products, List.of(item.id()))));
        assertThrows(ForbiddenException.class, () -> asViewer.call(() -> trash.purge(products, List.of(item.id()))));
        assertFalse(asEditor.call(() -> trash.available(products)));
        assertEquals(
                1,
                asAdmin.call(() -> trash.list(products, "trash-refused", 0, 10)).total(),
                "untouched");

        assertFalse(registry.keepsTrash(view("users")), "password hashes and second-factor secrets are never kept");
        assertFalse(registry.keepsTrash(view("roles")));
        assertFalse(registry.keepsTrash(view("audit")));
        AdminView<Role> roles = view("roles");
        long before = em.createQuery("select count(t) from TrashedRecord t", Long.class)
                .getSingleResult();
        Role role = asAdmin.call(() -> service.create(roles, new Role("trash-none", "not kept"), null));
        delete("roles", role.getId());
        assertEquals(
                before,
                em.createQuery("select count(t) from TrashedRecord t", Long.class)
                        .getSingleResult());
        assertThrows(ForbiddenException.class, () -> asAdmin.call(() -> trash.list(roles, null, 0, 10)));
    }

    // ---------------------------------------------------------------- over HTTP

    private String base() {
        return Deployments.localBase(injected);
    }

    @Test
    @RunAsClient
    void thePageListsSearchesAndRestoresAndOnlyAdminsReachIt() throws Exception {
        HttpSession admin = HttpSession.signedIn(base(), Deployments.ADMIN_EMAIL, Deployments.ADMIN_PASSWORD);
        long id = Database.INSTANCE.number("select id from products order by id offset 3 limit 1");
        String sku = Database.INSTANCE.text("select sku from products where id = " + id);
        assertEquals(200, admin.get("admin/products/" + id).statusCode());
        HttpResponse<String> deleted = admin.post(
                "admin/products/" + id,
                "stateless",
                Map.of(
                        "details",
                        "details",
                        "details:confirmDeleteYes",
                        "",
                        "version",
                        Database.INSTANCE.text("select version from products where id = " + id)));
        assertEquals(302, deleted.statusCode(), deleted.body());
        assertEquals(0, Database.INSTANCE.number("select count(*) from products where id = " + id));

        HttpResponse<String> list = admin.get("admin/products");
        assertTrue(list.body().matches("(?s).*Trash \\(\\d+\\).*"), "the list links to its trash with the count");
        HttpResponse<String> page = admin.get("admin/products/trash?q=" + sku);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains(sku), "found by its SKU");
        assertTrue(page.body().contains(Deployments.ADMIN_EMAIL), "who deleted it");
        assertFalse(
                admin.get("admin/products/trash?q=no-such-thing-here").body().contains(sku));
        Matcher row = TRASH_ROW.matcher(page.body());
        assertTrue(row.find());
        String trashId = row.group(1);

        assertEquals(
                403,
                HttpSession.signedIn(base(), TestUsers.EDITOR, TestUsers.PASSWORD)
                        .get("admin/products/trash")
                        .statusCode());
        HttpSession viewer = HttpSession.signedIn(base(), TestUsers.VIEWER, TestUsers.PASSWORD);
        assertEquals(403, viewer.get("admin/products/trash").statusCode());
        assertFalse(viewer.get("admin/products").body().contains("trashLink"), "no link for who may not delete");
        HttpResponse<String> crafted = viewer.postAjax("admin/products/trash", "stateless", restoreFields(trashId));
        assertNotEquals(500, crafted.statusCode());
        assertEquals(
                0,
                Database.INSTANCE.number("select count(*) from products where id = " + id),
                "nothing restored by a viewer");

        for (String path : List.of(
                "admin/users/trash",
                "admin/roles/trash",
                "admin/audit/trash",
                "admin/nosuch/trash",
                "admin/products/Trash",
                "admin/products/trash/1",
                "admin/products/trash;x=1",
                "admin/products/trash/edit")) {
            int status = admin.get(path).statusCode();
            assertTrue(status == 404 || status == 400, path + " answered " + status);
        }
        assertEquals(400, admin.get("admin/products/trash?page=abc").statusCode());

        HttpResponse<String> restored = admin.postAjax(
                "admin/products/trash?q=" + sku, HttpSession.viewState(page.body()), restoreFields(trashId));
        assertEquals(200, restored.statusCode());
        assertTrue(restored.body().contains("Restored 1 product"), restored.body());
        assertEquals(sku, Database.INSTANCE.text("select sku from products where id = " + id), "back with its id");
        assertFalse(admin.get("admin/products/trash?q=" + sku).body().contains("trashed-" + trashId));
    }

    @Test
    @RunAsClient
    void aScopedAdminSeesAndRestoresOnlyTrashedOrdersOfTheirCountry() throws Exception {
        Database.INSTANCE.execute(
                "insert into users (id, email, password_hash, active, created_at, version, country) select 990101, '"
                        + SCOPED_ADMIN + "', password_hash, true, now(), 0, 'DE' from users where email = '"
                        + TestUsers.EDITOR
                        + "' on conflict do nothing;"
                        + " insert into users_roles (user_id, role_id) select 990101, id from roles where name in ('admin', 'support')"
                        + " on conflict do nothing;");
        long inScope = Database.INSTANCE.number(
                "select o.id from orders o join customers c on c.id = o.customer_id where c.country = 'DE'"
                        + " order by o.id offset 3 limit 1");
        long outOfScope = Database.INSTANCE.number(
                "select o.id from orders o join customers c on c.id = o.customer_id where c.country <> 'DE'"
                        + " order by o.id offset 3 limit 1");
        HttpSession admin = HttpSession.signedIn(base(), Deployments.ADMIN_EMAIL, Deployments.ADMIN_PASSWORD);
        for (long id : new long[] {inScope, outOfScope}) {
            assertEquals(200, admin.get("admin/orders/" + id).statusCode());
            HttpResponse<String> deleted = admin.post(
                    "admin/orders/" + id,
                    "stateless",
                    Map.of(
                            "details",
                            "details",
                            "details:confirmDeleteYes",
                            "",
                            "version",
                            Database.INSTANCE.text("select version from orders where id = " + id)));
            assertEquals(302, deleted.statusCode());
        }
        String inReference = Database.INSTANCE.text(
                "select title from trash where view_name = 'orders' and record_id = '" + inScope + "'");
        String outReference = Database.INSTANCE.text(
                "select title from trash where view_name = 'orders' and record_id = '" + outOfScope + "'");
        String outTrashId = Database.INSTANCE.text(
                "select id from trash where view_name = 'orders' and record_id = '" + outOfScope + "'");

        HttpSession scoped = HttpSession.signedIn(base(), SCOPED_ADMIN, TestUsers.PASSWORD);
        HttpResponse<String> page = scoped.get("admin/orders/trash");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains(inReference), "their country's order");
        assertFalse(page.body().contains(outReference), "never another country's");
        assertFalse(page.body().contains("trashed-" + outTrashId));
        HttpResponse<String> searched = scoped.get("admin/orders/trash?q=" + outReference);
        assertFalse(searched.body().contains("trashed-" + outTrashId), "not found by a search either");
        assertTrue(searched.body().contains("id=\"trash:empty\""), "the search finds nothing");
        assertFalse(page.body().contains(">Total<"), "the order total hidden from support is not shown");

        HttpResponse<String> crafted =
                scoped.postAjax("admin/orders/trash", HttpSession.viewState(page.body()), restoreFields(outTrashId));
        assertNotEquals(500, crafted.statusCode());
        assertFalse(crafted.body().contains(outReference), "the refusal names nothing");
        assertEquals(
                0, Database.INSTANCE.number("select count(*) from orders where id = " + outOfScope), "not restored");
        assertEquals(1, Database.INSTANCE.number("select count(*) from trash where id = " + outTrashId));
    }

    /** The per-row Restore button of the first row, naming the trashed record to restore. */
    private static Map<String, String> restoreFields(String trashId) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("jakarta.faces.source", "trash:rows:0:restore");
        fields.put("jakarta.faces.partial.execute", "trash:rows:0:restore");
        fields.put("jakarta.faces.partial.render", "trash");
        fields.put("trash:rows:0:restore", "trash:rows:0:restore");
        fields.put("trash", "trash");
        fields.put("one", trashId);
        return fields;
    }
}
