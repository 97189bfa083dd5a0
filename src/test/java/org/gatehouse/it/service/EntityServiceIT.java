package org.gatehouse.it.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.gatehouse.demo.Customer;
import org.gatehouse.demo.DemoData;
import org.gatehouse.demo.Order;
import org.gatehouse.demo.OrderStatus;
import org.gatehouse.demo.Product;
import org.gatehouse.identity.User;
import org.gatehouse.it.DeclaredPermissions;
import org.gatehouse.it.Deployments;
import org.gatehouse.it.TestDatabase;
import org.gatehouse.it.fixtures.AsAdmin;
import org.gatehouse.metadata.AdminRegistry;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.service.AccessChecks;
import org.gatehouse.service.BulkWrites;
import org.gatehouse.service.ConflictException;
import org.gatehouse.service.DeleteChecks;
import org.gatehouse.service.EntityLists;
import org.gatehouse.service.EntityLookups;
import org.gatehouse.service.EntityService;
import org.gatehouse.service.ForbiddenException;
import org.gatehouse.service.ListRequest;
import org.gatehouse.service.WriteException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The generic service against PostgreSQL and the deterministic demo shop of 1,000 orders. */
@ExtendWith(ArquillianExtension.class)
class EntityServiceIT {

    private static final int ORDERS = 1_000;
    private static final int CUSTOMERS = ORDERS / 10;

    @Inject
    private EntityService service;

    @Inject
    private AccessChecks access;

    @Inject
    private BulkWrites bulkWrites;

    @Inject
    private DeleteChecks deleteChecks;

    @Inject
    private EntityLists lists;

    @Inject
    private EntityLookups lookups;

    @Inject
    private AdminRegistry registry;

    @Inject
    private AsAdmin asAdmin;

    @jakarta.persistence.PersistenceContext
    private jakarta.persistence.EntityManager em;

    @Inject
    private org.gatehouse.it.fixtures.AsEditor asEditor;

    @Inject
    private org.gatehouse.it.fixtures.AsViewer asViewer;

    @Deployment
    static WebArchive deployment() {
        return Deployments.inContainer(Deployments.war(
                        TestDatabase.create(),
                        Map.of(
                                "GATEHOUSE_DEMO_ROWS",
                                Integer.toString(ORDERS),
                                "GATEHOUSE_ESTIMATE_THRESHOLD",
                                "500",
                                "GATEHOUSE_COUNT_CAP",
                                "100")))
                .addClass(DeclaredPermissions.class);
    }

    @SuppressWarnings("unchecked")
    private <E> AdminView<E> view(String name) {
        return (AdminView<E>) registry.view(name).orElseThrow();
    }

    private ListRequest request(String view, String... keyValues) {
        Map<String, String> parameters = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            parameters.put(keyValues[i], keyValues[i + 1]);
        }
        ListRequest.Parsed parsed = ListRequest.parse(view(view), parameters);
        assertTrue(parsed.notices().isEmpty(), parsed.notices().toString());
        return parsed.request();
    }

    private long count(String view, String... keyValues) throws Exception {
        return asAdmin.call(() -> lists.count(view(view), request(view, keyValues)));
    }

    private long expectedOrders(java.util.function.IntPredicate predicate) {
        return IntStream.rangeClosed(1, ORDERS).filter(predicate).count();
    }

    private <T> T as(String role, Callable<T> work) throws Exception {
        return switch (role) {
            case "viewer" -> asViewer.call(work);
            case "editor" -> asEditor.call(work);
            default -> asAdmin.call(work);
        };
    }

    @Test
    void theServiceRefusesEveryForbiddenOperation() throws Exception {
        for (String role : List.of("viewer", "editor", "admin")) {
            for (AdminView<?> view : registry.views()) {
                Map<String, Callable<Object>> operations = new LinkedHashMap<>();
                operations.put("view", () -> lists.count(view, ListRequest.defaults(view)));
                operations.put("create", () -> service.create(rawView(view), null, null));
                operations.put("edit", () -> service.update(rawView(view), null, null));
                operations.put("delete", () -> bulkWrites.deleteAll(view, Map.of("1", 0L)));
                for (Map.Entry<String, Callable<Object>> operation : operations.entrySet()) {
                    String name = operation.getKey();
                    if (!DeclaredPermissions.capable(view.name(), name)) {
                        continue;
                    }
                    if (DeclaredPermissions.allowed(role, view.name(), name)) {
                        try {
                            as(role, operation.getValue());
                        } catch (ForbiddenException e) {
                            throw new AssertionError(role + " may " + name + " " + view.name(), e);
                        } catch (RuntimeException e) {
                            // allowed: past the check, the dummy arguments fail further on
                        }
                    } else {
                        assertThrows(
                                ForbiddenException.class,
                                () -> as(role, operation.getValue()),
                                role + " must not " + name + " " + view.name());
                    }
                }
            }
            AdminView<?> orders = registry.view("orders").orElseThrow();
            if (DeclaredPermissions.allowed(role, "orders", "ship")) {
                assertEquals(0, (int) as(role, () -> bulkWrites.runAction(orders, "ship", Map.of())));
            } else {
                assertThrows(
                        ForbiddenException.class, () -> as(role, () -> bulkWrites.runAction(orders, "ship", Map.of())));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static AdminView<Object> rawView(AdminView<?> view) {
        return (AdminView<Object>) view;
    }

    @Test
    void listCountsAreExactWhenSmallEstimatedWhenLargeAndCappedWhenFiltered() throws Exception {
        asAdmin.run(() -> em.createNativeQuery("ANALYZE orders").executeUpdate());
        org.gatehouse.service.ListCount whole = asAdmin.call(() -> lists.listCount(view("orders"), request("orders")));
        assertEquals(
                org.gatehouse.service.ListCount.Kind.ESTIMATE, whole.kind(), "1,000 rows is above the test threshold");
        assertTrue(Math.abs(whole.value() - ORDERS) <= ORDERS / 10, "planner estimate " + whole.value());
        assertTrue(whole.describe().startsWith("about "));

        org.gatehouse.service.ListCount filtered =
                asAdmin.call(() -> lists.listCount(view("orders"), request("orders", "status", "PAID")));
        assertEquals(new org.gatehouse.service.ListCount(100, org.gatehouse.service.ListCount.Kind.AT_LEAST), filtered);
        assertEquals("more than 100", filtered.describe());

        org.gatehouse.service.ListCount few =
                asAdmin.call(() -> lists.listCount(view("orders"), request("orders", "q", "ORD-00012")));
        assertEquals(new org.gatehouse.service.ListCount(10, org.gatehouse.service.ListCount.Kind.EXACT), few);
        org.gatehouse.service.ListCount small = asAdmin.call(() -> lists.listCount(view("roles"), request("roles")));
        assertEquals(org.gatehouse.service.ListCount.Kind.EXACT, small.kind(), "small tables are counted exactly");
    }

    @Test
    void aListPageCostsTheSameFewStatementsWhateverItsSize() throws Exception {
        for (String viewName : List.of("orders", "users", "customers")) {
            // the caller's roles and rules are read once per request, before the first list is counted
            asAdmin.call(() -> access.can(view(viewName), org.gatehouse.metadata.Operation.VIEW));
            List<Long> costs = new java.util.ArrayList<>();
            for (String size : List.of("10", "100")) {
                costs.add(asAdmin.call(() -> {
                    long before = org.gatehouse.config.StatementCounter.current();
                    AdminView<Object> view = view(viewName);
                    ListRequest request = request(viewName, "size", size);
                    lists.listCount(view, request);
                    List<Object> rows = lists.page(view, request);
                    // read every column, related records included, as the page renders them
                    rows.forEach(row -> view.columns()
                            .forEach(column -> org.gatehouse.metadata.ValueText.format(
                                    org.gatehouse.metadata.PropertyAccess.get(row, column.name()), column)));
                    return org.gatehouse.config.StatementCounter.current() - before;
                }));
            }
            assertEquals(costs.get(0), costs.get(1), viewName + ": statements for 10 and 100 rows " + costs);
            // count (estimate and exact when small), page ids, page rows, one batch per to-many column
            assertTrue(costs.get(0) <= 5, viewName + ": " + costs.get(0) + " statements");
        }
    }

    @Test
    void searchFindsOrdersByTheirCustomersEmail() throws Exception {
        int customer = 17;
        String email = DemoData.customerEmail(customer);
        long expected = expectedOrders(n -> DemoData.customerEmail((int) (1 + (n * 7919L) % CUSTOMERS))
                .toLowerCase()
                .contains(email.substring(0, email.indexOf('@')).toUpperCase().toLowerCase()));
        assertEquals(
                expected,
                count("orders", "q", email.substring(0, email.indexOf('@')).toUpperCase()));
    }

    @Test
    void everyCallNeedsTheAdminRole() {
        assertThrows(EJBAccessException.class, () -> lists.count(view("orders"), request("orders")));
        assertThrows(EJBAccessException.class, () -> lookups.find(view("orders"), "1"));
    }

    @Test
    void filtersOfEveryKind() throws Exception {
        assertEquals(ORDERS, count("orders"));
        // enum
        assertEquals(
                expectedOrders(n -> DemoData.orderStatus(n) == OrderStatus.SHIPPED),
                count("orders", "status", "SHIPPED"));
        // number range (inclusive)
        assertEquals(
                expectedOrders(n -> total(n).compareTo(new BigDecimal("100")) >= 0
                        && total(n).compareTo(new BigDecimal("200")) <= 0),
                count("orders", "total.from", "100", "total.to", "200"));
        // date range, whole days
        assertEquals(
                expectedOrders(n -> !DemoData.orderCreatedAt(n).toLocalDate().isBefore(LocalDate.of(2026, 1, 3))
                        && !DemoData.orderCreatedAt(n).toLocalDate().isAfter(LocalDate.of(2026, 1, 3))),
                count("orders", "createdAt.from", "2026-01-03", "createdAt.to", "2026-01-03"));
        // related entity by id
        assertEquals(expectedOrders(n -> 1 + (n * 7919L) % CUSTOMERS == 42), count("orders", "customer", "42"));
        // text contains, any case
        assertEquals(
                IntStream.rangeClosed(1, CUSTOMERS)
                        .filter(n -> n / 20 % 20 == 1)
                        .count(),
                count("customers", "q", "LOVELACE"));
        // boolean
        assertEquals(IntStream.rangeClosed(1, 10).filter(n -> n % 9 != 0).count(), count("products", "active", "true"));
        // to-many membership
        AdminView<org.gatehouse.identity.Role> roles = view("roles");
        String adminRoleId = String.valueOf(asAdmin.call(() -> lists.page(roles, request("roles", "q", "admin")))
                .get(0)
                .getId());
        // the first administrator and the account behind the test's run-as principal
        assertEquals(2, count("users", "roles", adminRoleId));
        // combined
        assertEquals(
                expectedOrders(n -> DemoData.orderStatus(n) == OrderStatus.PAID
                        && DemoData.orderReference(n).contains("ORD-0005")),
                count("orders", "status", "PAID", "q", "ord-0005"));
    }

    private static BigDecimal total(int n) {
        return BigDecimal.valueOf(1_000 + (n * 7_331L) % 250_000, 2);
    }

    @Test
    void sortsOnSeveralKeysAndOnRelatedLabels() throws Exception {
        List<Order> page = asAdmin.call(
                () -> lists.page(view("orders"), request("orders", "sort", "status,-total", "size", "50")));
        assertEquals(50, page.size());
        for (int i = 1; i < page.size(); i++) {
            Order a = page.get(i - 1);
            Order b = page.get(i);
            int byStatus = a.getStatus().name().compareTo(b.getStatus().name());
            assertTrue(byStatus < 0 || byStatus == 0 && a.getTotal().compareTo(b.getTotal()) >= 0, a + " before " + b);
        }
        List<Order> byCustomer = asAdmin.call(() -> lists.page(view("orders"), request("orders", "sort", "customer")));
        for (int i = 1; i < byCustomer.size(); i++) {
            assertTrue(byCustomer
                            .get(i - 1)
                            .getCustomer()
                            .getName()
                            .compareTo(byCustomer.get(i).getCustomer().getName())
                    <= 0);
        }
    }

    @Test
    void pagingEdgeCases() throws Exception {
        ListRequest last = request("orders", "page", "100", "size", "10");
        assertEquals(10, asAdmin.call(() -> lists.page(view("orders"), last)).size());
        long newOrders = expectedOrders(n -> DemoData.orderStatus(n) == OrderStatus.NEW);
        ListRequest partial =
                request("orders", "page", "20", "size", "50", "status", "NEW").clampedTo(newOrders);
        int lastPage = (int) ((newOrders + 49) / 50);
        assertEquals(lastPage, partial.page(), "beyond the end moves to the last page");
        assertEquals(
                newOrders - (lastPage - 1) * 50L,
                asAdmin.call(() -> lists.page(view("orders"), partial)).size());

        ListRequest empty = request("orders", "q", "no-such-reference");
        assertEquals(0, asAdmin.call(() -> lists.count(view("orders"), empty)));
        assertEquals(List.of(), asAdmin.call(() -> lists.page(view("orders"), empty.clampedTo(0))));
    }

    @Test
    void staleEditsAndDeletesAreConflictsNotOverwrites() throws Exception {
        AdminView<Product> products = view("products");
        Product first = asAdmin.call(() -> lookups.find(products, "3").orElseThrow());
        Product second = asAdmin.call(() -> lookups.find(products, "3").orElseThrow());
        first.setName("First writer");
        asAdmin.call(() -> service.update(products, first, null));
        second.setName("Second writer");
        assertThrows(ConflictException.class, () -> asAdmin.call(() -> service.update(products, second, null)));
        assertEquals(
                "First writer",
                asAdmin.call(() -> lookups.find(products, "3").orElseThrow()).getName());
        assertThrows(
                ConflictException.class, () -> asAdmin.run(() -> service.delete(products, "3", second.getVersion())));
        assertTrue(asAdmin.call(() -> lookups.find(products, "3")).isPresent());
    }

    @Test
    void databaseRefusalsBecomeFieldMessages() throws Exception {
        AdminView<Customer> customers = view("customers");
        Customer duplicate = new Customer();
        duplicate.setName("Copy Cat");
        duplicate.setEmail(DemoData.customerEmail(7));
        WriteException unique = assertThrows(
                WriteException.class, () -> asAdmin.call(() -> service.create(customers, duplicate, null)));
        assertEquals("email", unique.getField());
        assertTrue(unique.getMessage().contains("already has this value"), unique.getMessage());

        WriteException inUse = assertThrows(
                WriteException.class, () -> asAdmin.run(() -> bulkWrites.deleteAll(customers, unversioned("1"))));
        assertTrue(inUse.getMessage().contains("still used"), inUse.getMessage());
        assertEquals(
                List.of(expectedOrders(n -> 1 + (n * 7919L) % CUSTOMERS == 1) + " orders"),
                asAdmin.call(() -> deleteChecks.usage(customers, "1")));
        // what the delete dialogs offer: orders block a customer's delete; users holding a role do not block its delete
        org.gatehouse.service.DeleteCheck customerCheck =
                asAdmin.call(() -> deleteChecks.deleteCheck(customers, List.of("1", "2")));
        assertTrue(customerCheck.blocked(), customerCheck.toString());
        assertEquals(
                List.of(expectedOrders(n -> 1 + (n * 7919L) % CUSTOMERS <= 2)),
                customerCheck.usages().stream()
                        .map(org.gatehouse.service.DeleteCheck.Usage::count)
                        .toList(),
                "one sum for both");
        AdminView<?> roles = view("roles");
        String adminRole = String.valueOf(asAdmin.call(() ->
                em.createQuery("select r.id from Role r where r.name = 'admin'").getSingleResult()));
        org.gatehouse.service.DeleteCheck roleCheck =
                asAdmin.call(() -> deleteChecks.deleteCheck(roles, List.of(adminRole)));
        assertTrue(!roleCheck.blocked(), "the link rows go with the role: " + roleCheck);
        assertEquals(
                org.gatehouse.service.DeleteCheck.Effect.UNLINKS,
                roleCheck.usages().get(0).effect());
    }

    @Test
    void bulkWritesAreAllOrNothing() throws Exception {
        AdminView<Product> products = view("products");
        String a = String.valueOf(asAdmin.call(() -> service.create(products, product("BULK-A"), null))
                .getId());
        String b = String.valueOf(asAdmin.call(() -> service.create(products, product("BULK-B"), null))
                .getId());
        long before = asAdmin.call(() -> lists.count(products, ListRequest.defaults(products)));
        assertThrows(
                ConflictException.class,
                () -> asAdmin.run(() -> bulkWrites.deleteAll(products, unversioned(a, "999999"))));
        assertEquals(before, asAdmin.call(() -> lists.count(products, ListRequest.defaults(products))));
        assertEquals(2, asAdmin.call(() -> bulkWrites.deleteAll(products, unversioned(a, b))));
        assertEquals(before - 2, asAdmin.call(() -> lists.count(products, ListRequest.defaults(products))));

        AdminView<User> users = view("users");
        User admin = asAdmin.call(() -> lists.page(users, ListRequest.defaults(users)))
                .get(0);
        assertEquals(
                1,
                asAdmin.call(() -> bulkWrites.runAction(
                        users, "deactivate", unversioned(admin.getId().toString()))));
        assertTrue(!asAdmin.call(
                        () -> lookups.find(users, admin.getId().toString()).orElseThrow())
                .isActive());
        asAdmin.call(() -> bulkWrites.runAction(
                users, "activate", unversioned(admin.getId().toString())));
    }

    /** Ids without a version seen: only existence is checked. */
    @Test
    void aSelectionLargerThanAnyPageIsRefusedBeforeAnyQuery() throws Exception {
        AdminView<Product> products = view("products");
        String[] ids = java.util.stream.IntStream.rangeClosed(1, products.maxPageSize() + 1)
                .mapToObj(String::valueOf)
                .toArray(String[]::new);
        long before = asAdmin.call(() -> lists.count(products, ListRequest.defaults(products)));
        for (org.junit.jupiter.api.function.Executable crafted : List.<org.junit.jupiter.api.function.Executable>of(
                () -> asAdmin.run(() -> bulkWrites.deleteAll(products, unversioned(ids))),
                () -> asAdmin.call(() -> deleteChecks.deleteCheck(products, List.of(ids))))) {
            WriteException refused = assertThrows(WriteException.class, crafted);
            assertEquals("service.tooManySelected", refused.getText().key());
        }
        assertEquals(before, asAdmin.call(() -> lists.count(products, ListRequest.defaults(products))));
    }

    private static Map<String, Long> unversioned(String... ids) {
        Map<String, Long> versions = new java.util.LinkedHashMap<>();
        for (String id : ids) {
            versions.put(id, null);
        }
        return versions;
    }

    private static Product product(String sku) {
        Product product = new Product();
        product.setSku(sku);
        product.setName("Bulk " + sku);
        product.setPrice(new BigDecimal("1.00"));
        product.setActive(false);
        return product;
    }

    @Test
    void createsUsersWithAHashedPasswordThroughTheGenericService() throws Exception {
        AdminView<User> users = view("users");
        User user = asAdmin.call(() -> {
            var constructor = User.class.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        });
        user.setEmail("Generic@Example.com");
        WriteException weak =
                assertThrows(WriteException.class, () -> asAdmin.call(() -> service.create(users, user, "short")));
        assertEquals("password", weak.getField());
        User created = asAdmin.call(() -> service.create(users, user, "a-long-enough-password"));
        assertNotNull(created.getId());
        assertEquals("generic@example.com", created.getEmail());
    }

    @Test
    void exportReadsTheWholeFilteredResultInBatches() throws Exception {
        AdminView<Order> orders = view("orders");
        ListRequest paid = request("orders", "status", "PAID");
        long expected = expectedOrders(n -> DemoData.orderStatus(n) == OrderStatus.PAID);
        long seen = 0;
        Long after = null;
        while (true) {
            Long cursor = after;
            List<Order> batch = asAdmin.call(() -> lists.exportBatch(orders, paid, cursor, 100));
            batch.forEach(order -> assertEquals(OrderStatus.PAID, order.getStatus()));
            seen += batch.size();
            if (batch.size() < 100) {
                break;
            }
            after = batch.get(batch.size() - 1).getId();
        }
        assertEquals(expected, seen);
    }
}
