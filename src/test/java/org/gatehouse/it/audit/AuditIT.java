package org.gatehouse.it.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import org.gatehouse.audit.AuditAction;
import org.gatehouse.audit.AuditEntry;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.demo.Customer;
import org.gatehouse.demo.DemoData;
import org.gatehouse.demo.Order;
import org.gatehouse.demo.Product;
import org.gatehouse.identity.User;
import org.gatehouse.it.Deployments;
import org.gatehouse.it.TestDatabase;
import org.gatehouse.it.fixtures.AsAdmin;
import org.gatehouse.metadata.AdminRegistry;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.service.BulkWrites;
import org.gatehouse.service.ConflictException;
import org.gatehouse.service.EntityLists;
import org.gatehouse.service.EntityLookups;
import org.gatehouse.service.EntityService;
import org.gatehouse.service.WriteException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The audit trail and optimistic locking, inside Payara Micro on PostgreSQL. */
@ExtendWith(ArquillianExtension.class)
class AuditIT {

    private static final int ORDERS = 1_000;
    private static final int PAIRS = 200;

    @Inject
    private EntityService service;

    @Inject
    private BulkWrites bulkWrites;

    @Inject
    private EntityLists lists;

    @Inject
    private EntityLookups lookups;

    @Inject
    private AuditLog audit;

    @Inject
    private AdminRegistry registry;

    @Inject
    private AsAdmin asAdmin;

    @PersistenceContext
    private EntityManager em;

    @Deployment
    static WebArchive deployment() {
        return Deployments.inContainer(
                Deployments.war(TestDatabase.create(), Map.of("GATEHOUSE_DEMO_ROWS", Integer.toString(ORDERS))));
    }

    @SuppressWarnings("unchecked")
    private <E> AdminView<E> view(String name) {
        return (AdminView<E>) registry.view(name).orElseThrow();
    }

    private List<AuditEntry> entries(String type, Object id) {
        return em.createQuery(
                        "select a from AuditEntry a where a.entityType = :t and a.entityId = :id order by a.id",
                        AuditEntry.class)
                .setParameter("t", type)
                .setParameter("id", String.valueOf(id))
                .getResultList();
    }

    private static JsonObject json(AuditEntry entry) {
        return Json.createReader(new StringReader(entry.getChanges())).readObject();
    }

    @Test
    void twoHundredRacingPairsLoseNoUpdate() throws Exception {
        AdminView<Order> orders = view("orders");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        List<Future<String>> results = new ArrayList<>();
        for (int pair = 1; pair <= PAIRS; pair++) {
            String id = String.valueOf(pair);
            Order first = asAdmin.call(() -> lookups.find(orders, id).orElseThrow());
            Order second = asAdmin.call(() -> lookups.find(orders, id).orElseThrow());
            first.setTotal(new BigDecimal(pair + ".01"));
            second.setTotal(new BigDecimal(pair + ".02"));
            CountDownLatch together = new CountDownLatch(2);
            for (Order edit : List.of(first, second)) {
                results.add(pool.submit(() -> {
                    // both saves of a pair start at the same moment
                    together.countDown();
                    together.await(10, java.util.concurrent.TimeUnit.SECONDS);
                    try {
                        return asAdmin.call(() -> service.update(orders, edit, null))
                                .getTotal()
                                .toPlainString();
                    } catch (ConflictException e) {
                        return "conflict";
                    }
                }));
            }
        }
        List<String> outcomes = new ArrayList<>();
        for (Future<String> result : results) {
            outcomes.add(result.get());
        }
        pool.shutdown();
        assertEquals(PAIRS, outcomes.stream().filter("conflict"::equals).count(), "exactly one loser per pair");
        for (int pair = 1; pair <= PAIRS; pair++) {
            String winner = outcomes.get(2 * (pair - 1)).equals("conflict")
                    ? outcomes.get(2 * pair - 1)
                    : outcomes.get(2 * (pair - 1));
            int n = pair;
            Order fresh =
                    asAdmin.call(() -> lookups.find(orders, String.valueOf(n)).orElseThrow());
            assertEquals(winner, fresh.getTotal().toPlainString(), "the stored value is the winner's");
            List<AuditEntry> trail = entries("Order", n);
            assertEquals(1, trail.size(), "only the winner is audited for order " + n);
            assertEquals(winner, json(trail.get(0)).getJsonObject("total").getString("new"));
            assertEquals(java.util.Set.of("total"), json(trail.get(0)).keySet(), "nothing else is said to change");
            assertEquals(DemoData.orderReference(n), trail.get(0).getEntityLabel());
        }
    }

    @Test
    void everyWritePathRecordsExactlyOneEntryWithItsDiff() throws Exception {
        AdminView<Customer> customers = view("customers");
        Customer customer = new Customer();
        customer.setName("Audit Subject");
        customer.setEmail("audit.subject@example.com");
        Customer created = asAdmin.call(() -> service.create(customers, customer, null));
        List<AuditEntry> afterCreate = entries("Customer", created.getId());
        assertEquals(1, afterCreate.size());
        assertEquals(AuditAction.CREATE, afterCreate.get(0).getAction());
        assertEquals("test-runner", afterCreate.get(0).getActor());
        assertEquals(
                "audit.subject@example.com",
                json(afterCreate.get(0)).getJsonObject("email").getString("new"));

        created.setCity("Porto");
        asAdmin.call(() -> service.update(customers, created, null));
        List<AuditEntry> afterUpdate = entries("Customer", created.getId());
        assertEquals(2, afterUpdate.size());
        JsonObject diff = json(afterUpdate.get(1));
        assertEquals(AuditAction.UPDATE, afterUpdate.get(1).getAction());
        assertEquals(1, diff.size(), "only the changed field: " + diff);
        assertTrue(diff.getJsonObject("city").isNull("old"));
        assertEquals("Porto", diff.getJsonObject("city").getString("new"));

        Customer current = asAdmin.call(
                () -> lookups.find(customers, created.getId().toString()).orElseThrow());
        asAdmin.run(() -> service.delete(customers, created.getId().toString(), current.getVersion()));
        List<AuditEntry> afterDelete = entries("Customer", created.getId());
        assertEquals(3, afterDelete.size());
        assertEquals(AuditAction.DELETE, afterDelete.get(2).getAction());
        assertEquals("Porto", json(afterDelete.get(2)).getJsonObject("city").getString("old"));

        AdminView<Order> orders = view("orders");
        Order order = asAdmin.call(() -> lookups.find(orders, "900").orElseThrow());
        asAdmin.call(() -> bulkWrites.runAction(orders, "ship", Map.of("900", order.getVersion())));
        List<AuditEntry> shipped = entries("Order", 900);
        assertEquals(1, shipped.size());
        assertEquals(AuditAction.BULK_ACTION, shipped.get(0).getAction());
        assertEquals("ship", json(shipped.get(0)).getString("@action"));
        assertEquals("SHIPPED", json(shipped.get(0)).getJsonObject("status").getString("new"));
    }

    @Test
    void userWritesAreAuditedWithoutPasswordOrHash() throws Exception {
        AdminView<User> users = view("users");
        User created =
                asAdmin.call(() -> service.create(users, new User("audited@example.com", null), "first-password-long"));
        long id = created.getId();
        asAdmin.call(() -> service.update(users, fresh(users, id), "second-password-long"));
        asAdmin.call(() -> bulkWrites.runAction(
                users, "deactivate", Map.of(String.valueOf(id), fresh(users, id).getVersion())));
        User withRole = fresh(users, id);
        withRole.setRoles(java.util.Set.of(
                em.createQuery("select r from Role r where r.name = 'admin'", org.gatehouse.identity.Role.class)
                        .getSingleResult()));
        asAdmin.call(() -> service.update(users, withRole, null));
        List<AuditEntry> trail = entries("User", id);
        assertEquals(
                List.of(AuditAction.CREATE, AuditAction.UPDATE, AuditAction.BULK_ACTION, AuditAction.UPDATE),
                trail.stream().map(AuditEntry::getAction).toList());
        String hash = (String) em.createNativeQuery("select password_hash from users where id = ?")
                .setParameter(1, id)
                .getSingleResult();
        for (AuditEntry entry : trail) {
            assertFalse(entry.getChanges().contains(hash), "no hash in " + entry.getChanges());
            assertFalse(entry.getChanges().contains("password-long"), "no password in " + entry.getChanges());
        }
        assertEquals(AuditLog.CHANGED, json(trail.get(0)).getString("password"));
        assertEquals(AuditLog.CHANGED, json(trail.get(1)).getString("password"));
        assertEquals("deactivate", json(trail.get(2)).getString("@action"));
        assertEquals("admin", json(trail.get(3)).getJsonObject("roles").getString("new"));
    }

    private User fresh(AdminView<User> users, long id) throws Exception {
        return asAdmin.call(() -> lookups.find(users, String.valueOf(id)).orElseThrow());
    }

    @Test
    void aRolledBackWriteLeavesNoEntry() throws Exception {
        AdminView<Customer> customers = view("customers");
        long before = count();
        Customer duplicate = new Customer();
        duplicate.setName("Duplicate");
        duplicate.setEmail(DemoData.customerEmail(3));
        assertThrows(WriteException.class, () -> asAdmin.call(() -> service.create(customers, duplicate, null)));
        AdminView<Product> products = view("products");
        Product stale = asAdmin.call(() -> lookups.find(products, "6").orElseThrow());
        Product winner = asAdmin.call(() -> lookups.find(products, "6").orElseThrow());
        winner.setStock(5);
        asAdmin.call(() -> service.update(products, winner, null));
        assertEquals(before + 1, count());
        stale.setStock(6);
        assertThrows(ConflictException.class, () -> asAdmin.call(() -> service.update(products, stale, null)));
        assertThrows(
                ConflictException.class,
                () -> asAdmin.call(() -> bulkWrites.runAction(view("orders"), "ship", Map.of("901", -1L))));
        assertEquals(before + 1, count(), "refused and stale writes leave nothing behind");
    }

    private long count() {
        return em.createQuery("select count(a) from AuditEntry a where a.action <> :login", Long.class)
                .setParameter("login", AuditAction.LOGIN_SUCCESS)
                .getSingleResult();
    }

    @Test
    void theAuditViewRefusesEveryWrite() throws Exception {
        audit.securityEvent(AuditAction.LOGIN_FAILURE, "someone@example.com", null);
        AdminView<AuditEntry> auditView = view("audit");
        assertFalse(auditView.creatable() || auditView.editable() || auditView.deletable());
        AuditEntry any = asAdmin.call(
                        () -> lists.page(auditView, org.gatehouse.service.ListRequest.defaults(auditView)))
                .get(0);
        assertThrows(WriteException.class, () -> asAdmin.call(() -> service.update(auditView, any, null)));
        assertThrows(
                WriteException.class,
                () -> asAdmin.run(() -> service.delete(auditView, any.getId().toString(), any.getVersion())));
        assertThrows(
                WriteException.class,
                () -> asAdmin.call(
                        () -> bulkWrites.deleteAll(auditView, Map.of(any.getId().toString(), any.getVersion()))));
        assertThrows(WriteException.class, () -> asAdmin.call(() -> service.create(auditView, any, null)));
        assertTrue(asAdmin.call(() -> lookups.find(auditView, any.getId().toString()))
                .isPresent());
    }

    @Test
    void retentionPurgesOldEntriesAndRecordsThePurge() throws Exception {
        asAdmin.run(() -> em.createNativeQuery("insert into audit_log (id, at, action, entity_type, version) values"
                        + " (-1, ?, 'UPDATE', 'Ancient', 0)")
                .setParameter(1, OffsetDateTime.now(ZoneOffset.UTC).minusDays(400))
                .executeUpdate());
        int purged = audit.purgeBefore(OffsetDateTime.now(ZoneOffset.UTC).minusDays(365));
        assertTrue(purged >= 1);
        assertEquals(
                0L,
                em.createQuery("select count(a) from AuditEntry a where a.entityType = 'Ancient'", Long.class)
                        .getSingleResult());
        assertFalse(em.createQuery("select a from AuditEntry a where a.action = :purge", AuditEntry.class)
                .setParameter("purge", AuditAction.PURGE)
                .getResultList()
                .isEmpty());
    }
}
