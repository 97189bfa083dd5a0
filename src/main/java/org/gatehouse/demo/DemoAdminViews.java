package org.gatehouse.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.gatehouse.metadata.AdminViewDeclaration;
import org.gatehouse.metadata.Operation;

/**
 * The demo shop in the admin: one short declaration per entity. Editors view, create and edit
 * shop data; viewers only read it; only admins delete. The {@code support} role narrows any of
 * them to the customers and orders of the user's own country and hides order totals. A deleted
 * record goes to its view's trash first.
 */
@ApplicationScoped
public class DemoAdminViews {

    static final String[] READERS = {"admin", "editor", "viewer"};
    static final String[] WRITERS = {"admin", "editor"};
    /** Narrows whoever holds it to their own country's customers and orders, without order totals. */
    static final String SUPPORT = "support";

    private static <E> AdminViewDeclaration<E> shopData(Class<E> type) {
        return AdminViewDeclaration.of(type)
                .category("view.category.shop")
                .permit(Operation.VIEW, READERS)
                .permit(Operation.CREATE, WRITERS)
                .permit(Operation.EDIT, WRITERS)
                .permit(Operation.DELETE, "admin")
                .trash();
    }

    @Produces
    public AdminViewDeclaration<Customer> customers() {
        return shopData(Customer.class)
                .labels("view.customers", "view.customers.singular")
                .propertyLabel("id", "field.customers.id")
                .propertyLabel("name", "field.customers.name")
                .propertyLabel("email", "field.customers.email")
                .propertyLabel("city", "field.customers.city")
                .propertyLabel("country", "field.customers.country")
                .propertyLabel("createdAt", "field.customers.createdAt")
                .icon("pi pi-user")
                .columns("name", "email", "city", "country", "createdAt")
                .searchable("name", "email")
                .filters("country", "createdAt")
                .readOnly("createdAt")
                .createdAt("createdAt")
                .naturalKey("email")
                .defaultSort("name")
                .scope(SUPPORT, "country = {user.country}");
    }

    @Produces
    public AdminViewDeclaration<Product> products() {
        return shopData(Product.class)
                .icon("pi pi-box")
                .columns("sku", "name", "price", "stock", "active")
                .searchable("sku", "name")
                .filters("active", "price", "stock")
                .labels("view.products", "view.products.singular")
                .propertyLabel("id", "field.products.id")
                .propertyLabel("sku", "field.products.sku")
                .propertyLabel("name", "field.products.name")
                .propertyLabel("description", "field.products.description")
                .propertyLabel("price", "field.products.price")
                .propertyLabel("stock", "field.products.stock")
                .propertyLabel("active", "field.products.active")
                .naturalKey("sku")
                .defaultSort("sku");
    }

    @Produces
    public AdminViewDeclaration<Order> orders() {
        return shopData(Order.class)
                .labels("view.orders", "view.orders.singular")
                .propertyLabel("id", "field.orders.id")
                .propertyLabel("reference", "field.orders.reference")
                .propertyLabel("customer", "field.orders.customer")
                .propertyLabel("status", "field.orders.status")
                .propertyLabel("total", "field.orders.total")
                .propertyLabel("createdAt", "field.orders.createdAt")
                .propertyLabel("shippedAt", "field.orders.shippedAt")
                .propertyLabel("note", "field.orders.note")
                .propertyLabel("customer.email", "field.orders.customerEmail")
                .icon("pi pi-shopping-cart")
                .title("reference")
                .naturalKey("reference")
                .columns("reference", "customer", "status", "total", "createdAt")
                .searchable("reference", "customer.email")
                .filters("status", "customer", "total", "createdAt")
                .readOnly("createdAt")
                .createdAt("createdAt")
                .defaultSort("-createdAt")
                .action("ship", "view.orders.action.ship", "view.orders.action.ship.confirm", order -> {
                    order.setStatus(OrderStatus.SHIPPED);
                    order.setShippedAt(java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC));
                })
                .permitAction("ship", WRITERS)
                .scope(SUPPORT, "customer.country = {user.country}")
                .hiddenFor(SUPPORT, "total");
    }
}
