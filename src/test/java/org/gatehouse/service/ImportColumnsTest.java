package org.gatehouse.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.gatehouse.demo.Customer;
import org.gatehouse.demo.DemoAdminViews;
import org.gatehouse.demo.Order;
import org.gatehouse.demo.OrderStatus;
import org.gatehouse.demo.Product;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.AdminViewFactory;
import org.gatehouse.metadata.TextValues;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Headers to properties, and cells to values as the export wrote them. */
class ImportColumnsTest {

    private static EntityManagerFactory emf;
    private static AdminView<Product> products;
    private static AdminView<Order> orders;

    @BeforeAll
    static void buildViews() {
        emf = Persistence.createEntityManagerFactory("metamodel-test");
        Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
        Map<Class<?>, String> titles = Map.of(Customer.class, "name", Order.class, "reference");
        AdminViewFactory factory = new AdminViewFactory(
                emf.getMetamodel(), validator::getConstraintsForClass, type -> titles.getOrDefault(type, "id"));
        products = factory.build(new DemoAdminViews().products());
        orders = factory.build(new DemoAdminViews().orders());
    }

    @AfterAll
    static void close() {
        emf.close();
    }

    @Test
    void headersAreMatchedByNameAndByLabelInEitherLanguage() {
        assertEquals(
                Arrays.asList("id", "sku", "name", "price", "stock", "active", null),
                ImportColumns.suggest(List.of("ID", "SKU", "Name", " price ", "STOCK", "active", "colour"), products));
        List<String> german = ImportColumns.suggest(List.of("id", "Kunde", "Status", "Summe"), orders);
        assertEquals("customer", german.get(1));
        assertEquals("status", german.get(2));
        assertEquals(Arrays.asList(null, null), ImportColumns.suggest(List.of("", "nothing"), products));
        assertEquals(
                Arrays.asList("name", null),
                ImportColumns.suggest(List.of("Name", "name"), products),
                "one property is suggested once");
    }

    @Test
    void theExportsDefusingQuoteIsTakenOff() {
        assertEquals("=1+2", ImportColumns.undefused("'=1+2"));
        assertEquals("-5", ImportColumns.undefused("'-5"));
        assertEquals("'x", ImportColumns.undefused("''x"));
        assertEquals("'plain", ImportColumns.undefused("'plain"));
        assertEquals("'", ImportColumns.undefused("'"));
    }

    @Test
    void cellsAFormulaWouldRunAreRecognisedNotEvaluated() {
        var name = products.property("name").orElseThrow();
        var stock = products.property("stock").orElseThrow();
        assertTrue(ImportColumns.looksLikeFormula("=cmd|' /C calc'!A0", name));
        assertTrue(ImportColumns.looksLikeFormula("@SUM(A1)", name));
        assertTrue(ImportColumns.looksLikeFormula("-x", name));
        assertTrue(ImportColumns.looksLikeFormula("=1+1", stock));
        assertFalse(ImportColumns.looksLikeFormula("-5", stock), "a negative number");
        assertFalse(ImportColumns.looksLikeFormula("'=cmd|' /C calc'!A0", name), "defused by the export");
        assertEquals("=cmd|' /C calc'!A0", ImportColumns.value("'=cmd|' /C calc'!A0", name));
    }

    @Test
    void cellsAreReadAsTheExportWroteThem() {
        assertEquals(
                new BigDecimal("9.50"),
                ImportColumns.value("9.50", products.property("price").orElseThrow()));
        assertEquals(-5, ImportColumns.value("'-5", products.property("stock").orElseThrow()));
        assertEquals(
                Boolean.TRUE,
                ImportColumns.value("Yes", products.property("active").orElseThrow()));
        assertEquals(
                OrderStatus.values()[0],
                ImportColumns.value(
                        OrderStatus.values()[0].name(),
                        orders.property("status").orElseThrow()));
        assertThrows(
                TextValues.Unreadable.class,
                () -> ImportColumns.value("9,50", products.property("price").orElseThrow()));
        assertThrows(
                TextValues.Unreadable.class,
                () -> ImportColumns.value("maybe", products.property("active").orElseThrow()));
    }
}
