package org.gatehouse.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.validation.Validation;
import java.util.Optional;
import org.gatehouse.demo.Customer;
import org.gatehouse.demo.DemoAdminViews;
import org.gatehouse.demo.Product;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Which property says when a view's records were created: declared, checked at start-up, or absent. */
class CreatedAtDeclarationTest {

    private static EntityManagerFactory emf;
    private static AdminViewFactory factory;

    @BeforeAll
    static void buildMetamodel() {
        emf = Persistence.createEntityManagerFactory("metamodel-test");
        factory = new AdminViewFactory(
                emf.getMetamodel(),
                Validation.buildDefaultValidatorFactory().getValidator()::getConstraintsForClass,
                type -> "id");
    }

    @AfterAll
    static void close() {
        emf.close();
    }

    @Test
    void theDemoViewsSayWhichPropertyItIsOrThatTheyHaveNone() {
        DemoAdminViews demo = new DemoAdminViews();
        assertEquals(
                Optional.of("createdAt"), factory.build(demo.orders()).created().map(PropertyDescriptor::name));
        assertEquals(
                Optional.of("createdAt"),
                factory.build(demo.customers()).created().map(PropertyDescriptor::name));
        assertEquals(Optional.empty(), factory.build(demo.products()).created());
    }

    @Test
    void onlyAKnownDateTimePropertyCanSayIt() {
        IllegalStateException notADate = assertThrows(
                IllegalStateException.class,
                () -> factory.build(AdminViewDeclaration.of(Customer.class).createdAt("name")));
        assertTrue(notADate.getMessage().contains("Customer.name is not a date-time"), notADate.getMessage());
        IllegalStateException unknown = assertThrows(
                IllegalStateException.class,
                () -> factory.build(AdminViewDeclaration.of(Product.class).createdAt("createdAt")));
        assertTrue(unknown.getMessage().contains("'createdAt' in createdAt"), unknown.getMessage());
    }
}
