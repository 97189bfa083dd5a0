package org.gatehouse.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Map;
import org.gatehouse.demo.Customer;
import org.gatehouse.demo.DemoAdminViews;
import org.gatehouse.demo.Order;
import org.gatehouse.demo.OrderStatus;
import org.gatehouse.demo.Product;
import org.gatehouse.identity.IdentityAdminViews;
import org.gatehouse.identity.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Building admin views from the demo entities' real metamodel and constraints. */
class AdminViewFactoryTest {

    private static EntityManagerFactory emf;
    private static AdminViewFactory factory;
    private static final DemoAdminViews DEMO = new DemoAdminViews();
    private static final IdentityAdminViews IDENTITY = new IdentityAdminViews();

    @BeforeAll
    static void buildMetamodel() {
        emf = Persistence.createEntityManagerFactory("metamodel-test");
        Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
        Map<Class<?>, String> titles = Map.of(Customer.class, "name", Role.class, "name", Order.class, "reference");
        factory = new AdminViewFactory(
                emf.getMetamodel(), validator::getConstraintsForClass, type -> titles.getOrDefault(type, "id"));
    }

    @AfterAll
    static void close() {
        emf.close();
    }

    @Test
    void ordersTakeTheirKindsFromTheMetamodelAndTheirRulesFromBeanValidation() {
        AdminView<Order> orders = factory.build(DEMO.orders());
        assertEquals("orders", orders.name());
        assertEquals(
                List.of("reference", "customer", "status", "total", "createdAt"),
                orders.columns().stream().map(PropertyDescriptor::name).toList());

        PropertyDescriptor reference = orders.properties().get("reference");
        assertEquals(PropertyKind.TEXT, reference.kind());
        assertTrue(reference.required(), "@NotBlank");
        assertEquals(20, reference.maxLength(), "from @Column(length)");
        assertTrue(reference.searchable());

        PropertyDescriptor customer = orders.properties().get("customer");
        assertEquals(PropertyKind.TO_ONE, customer.kind());
        assertEquals(Customer.class, customer.javaType());
        assertEquals("name", customer.relatedLabel(), "a related customer is labelled by its title");
        assertTrue(customer.filterable());

        PropertyDescriptor status = orders.properties().get("status");
        assertEquals(PropertyKind.ENUM, status.kind());
        assertEquals(List.of(OrderStatus.values()).stream().map(Enum::name).toList(), status.choices());

        assertEquals(PropertyKind.DECIMAL, orders.properties().get("total").kind());
        PropertyDescriptor createdAt = orders.properties().get("createdAt");
        assertEquals(PropertyKind.DATE_TIME, createdAt.kind());
        assertTrue(createdAt.readOnly());
        PropertyDescriptor note = orders.properties().get("note");
        assertEquals(PropertyKind.LONG_TEXT, note.kind(), "@Size(max = 2000) is long text");
        assertFalse(note.required());

        assertEquals(List.of(new SortOrder("createdAt", true)), orders.defaultSort());
        assertEquals("reference", orders.titleProperty());
        assertEquals("field.orders.createdAt", createdAt.label(), "a declared label may be a bundle key");
        assertEquals("Created at", org.gatehouse.i18n.Texts.label(java.util.Locale.ENGLISH, createdAt.label()));
        assertEquals(
                "field.orders.customerEmail",
                orders.searchable().get(1).label(),
                "a searchable attribute of a relation takes its declared label");
        assertFalse(orders.properties().containsKey("version"), "the lock version is never a field");
        assertTrue(orders.properties().get("id").readOnly());
        assertTrue(orders.action("ship").isPresent());
    }

    @Test
    void productsUseLabelsAndDefaultsFromTheDeclaration() {
        AdminView<Product> products = factory.build(DEMO.products());
        assertEquals(
                "SKU",
                org.gatehouse.i18n.Texts.label(
                        java.util.Locale.ENGLISH,
                        products.properties().get("sku").label()));
        assertEquals(
                "Artikelnummer",
                org.gatehouse.i18n.Texts.label(
                        java.util.Locale.GERMAN,
                        products.properties().get("sku").label()));
        assertEquals(PropertyKind.INTEGER, products.properties().get("stock").kind());
        assertEquals(PropertyKind.BOOLEAN, products.properties().get("active").kind());
        assertEquals("name", products.titleProperty(), "the first of name, email, title, label, code, sku");
        assertEquals(
                List.of("active", "price", "stock"),
                products.filters().stream().map(PropertyDescriptor::name).toList());
        assertFalse(products.formFields().stream().anyMatch(f -> f.name().equals("id")));
    }

    @Test
    void thePasswordHashAppearsNowhereInTheUsersView() {
        AdminView<?> users = factory.build(IDENTITY.users());
        assertEquals("passwordHash", users.passwordProperty());
        assertFalse(users.properties().containsKey("passwordHash"));
        assertTrue(users.columns().stream().noneMatch(p -> p.name().contains("password")));
        assertTrue(users.formFields().stream().noneMatch(p -> p.name().contains("password")));
        PropertyDescriptor roles = users.properties().get("roles");
        assertEquals(PropertyKind.TO_MANY, roles.kind());
        assertEquals(Role.class, roles.javaType());
        assertFalse(roles.sortable());
        assertEquals(
                List.of("activate", "deactivate", "unlock"),
                users.actions().stream().map(BulkAction::name).toList());
    }

    @Test
    void unknownPropertiesInADeclarationFailFastWithTheirName() {
        IllegalStateException error = assertThrows(
                IllegalStateException.class,
                () -> factory.build(AdminViewDeclaration.of(Customer.class).columns("name", "shoeSize")));
        assertTrue(error.getMessage().contains("shoeSize"), error.getMessage());
        assertThrows(
                IllegalStateException.class,
                () -> factory.build(AdminViewDeclaration.of(Customer.class).searchable("createdAt")));
        assertThrows(
                IllegalStateException.class,
                () -> factory.build(
                        AdminViewDeclaration.of(Customer.class).exclude("email").filters("email")));
    }

    @Test
    void propertiesKeepTheirOrderFromOneStartToTheNext() {
        List<String> names = List.copyOf(factory.build(AdminViewDeclaration.of(Customer.class))
                .properties()
                .keySet());
        assertEquals("id", names.get(0), "the id first, then the attributes in order: " + names);
        for (int i = 0; i < 5; i++) {
            assertEquals(
                    names,
                    List.copyOf(factory.build(AdminViewDeclaration.of(Customer.class))
                            .properties()
                            .keySet()));
        }
        assertTrue(
                names.indexOf("name") < names.indexOf("email") && names.indexOf("email") < names.indexOf("city"),
                "declared order of the entity: " + names);
    }

    @Test
    void undeclaredViewsGetSensibleDefaults() {
        AdminView<Customer> customers = factory.build(AdminViewDeclaration.of(Customer.class));
        assertEquals("customers", customers.name());
        assertEquals("Customers", customers.label());
        assertEquals("id", customers.columns().get(0).name());
        assertEquals("name", customers.titleProperty());
        assertEquals(List.of(new SortOrder("id", true)), customers.defaultSort());
        assertNull(customers.passwordProperty());
    }

    @Test
    void aRelationsSearchableAttributeHasALabelBuiltFromNamesByDefault() {
        AdminView<Order> orders = factory.build(AdminViewDeclaration.of(Order.class)
                .propertyLabel("customer", "field.orders.customer")
                .searchable("reference", "customer.email"));
        assertEquals("Customer email", orders.searchable().get(1).label(), "not the relation's key with a word added");
    }

    @Test
    void humanizesPropertyNames() {
        assertEquals("Created at", AdminViewFactory.humanize("createdAt"));
        assertEquals("Email", AdminViewFactory.humanize("email"));
    }

    @Test
    void theSupportRoleIsNarrowedToItsCountryAndSeesNoOrderTotals() {
        AdminView<Order> orders = factory.build(DEMO.orders());
        ViewRules support = orders.rulesOf("support");
        assertEquals("customer.country = {user.country}", support.scope().toString());
        assertEquals(java.util.Set.of("total"), support.hidden());
        assertTrue(orders.rulesOf("editor").isEmpty());

        AdminView<Order> seen = orders.narrowedBy(support);
        for (List<PropertyDescriptor> list : List.of(
                seen.columns(),
                seen.formFields(),
                seen.filters(),
                seen.searchable(),
                List.copyOf(seen.properties().values()))) {
            assertTrue(list.stream().noneMatch(p -> p.name().equals("total")), list.toString());
        }
        assertEquals(orders.columns().size() - 1, seen.columns().size());
        assertEquals(
                List.copyOf(orders.properties().keySet()).stream()
                        .filter(n -> !n.equals("total"))
                        .toList(),
                List.copyOf(seen.properties().keySet()),
                "declaration order kept");

        AdminView<Order> readOnly =
                orders.narrowedBy(ViewRules.of(null, java.util.Set.of(), java.util.Set.of("status")));
        assertTrue(readOnly.properties().get("status").readOnly());
        assertTrue(readOnly.formFields().stream()
                .filter(p -> p.name().equals("status"))
                .allMatch(PropertyDescriptor::readOnly));
        assertFalse(orders.properties().get("status").readOnly(), "the declared view is unchanged");
        assertTrue(orders == orders.narrowedBy(ViewRules.NONE));
    }

    @Test
    void rulesNamingWhatTheEntityLacksFailTheStart() {
        IllegalStateException scope = assertThrows(
                IllegalStateException.class,
                () -> factory.build(DEMO.orders().scope("clerk", "customer.planet = {user.country}")));
        assertTrue(
                scope.getMessage().contains("Order")
                        && scope.getMessage().contains("clerk")
                        && scope.getMessage().contains("customer.planet"),
                scope.getMessage());
        assertThrows(
                IllegalStateException.class, () -> factory.build(DEMO.orders().hiddenFor("clerk", "margin")));
        assertThrows(
                IllegalStateException.class,
                () -> factory.build(DEMO.orders().hiddenFor("clerk", "reference")),
                "the title names records everywhere and cannot be hidden");
        assertThrows(
                IllegalStateException.class,
                () -> factory.build(DEMO.orders().scope("clerk", "customer = {user.email}")),
                "a relation compares with an id");
        assertThrows(
                IllegalStateException.class,
                () -> factory.build(DEMO.orders().scope("clerk", "status = 'LOST'")),
                "not a status");
        assertThrows(
                IllegalStateException.class, () -> factory.build(DEMO.orders().scope("clerk", "total = 'x'")));
        assertEquals(
                "status = 'NEW' and customer = 7",
                factory.build(DEMO.orders().scope("clerk", "status = 'NEW' and customer = 7"))
                        .rulesOf("clerk")
                        .scope()
                        .toString());
    }
}
