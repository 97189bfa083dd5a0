package org.gatehouse.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.gatehouse.metadata.AdminViewDeclaration;
import org.gatehouse.metadata.Operation;

/**
 * The demo shop in the admin: one short declaration per entity. Editors view, create and edit
 * shop data; viewers only read it; only admins delete.
 */
@ApplicationScoped
public class DemoAdminViews {

    static final String[] READERS = {"admin", "editor", "viewer"};
    static final String[] WRITERS = {"admin", "editor"};

    private static <E> AdminViewDeclaration<E> shopData(Class<E> type) {
        return AdminViewDeclaration.of(type).category("Shop")
                .permit(Operation.VIEW, READERS)
                .permit(Operation.CREATE, WRITERS)
                .permit(Operation.EDIT, WRITERS)
                .permit(Operation.DELETE, "admin");
    }

    @Produces
    public AdminViewDeclaration<Customer> customers() {
        return shopData(Customer.class)
                .icon("pi pi-user")
                .columns("name", "email", "city", "country", "createdAt")
                .searchable("name", "email")
                .filters("country", "createdAt")
                .readOnly("createdAt")
                .defaultSort("name");
    }

    @Produces
    public AdminViewDeclaration<Product> products() {
        return shopData(Product.class)
                .icon("pi pi-box")
                .columns("sku", "name", "price", "stock", "active")
                .searchable("sku", "name")
                .filters("active", "price", "stock")
                .propertyLabel("sku", "SKU")
                .defaultSort("sku");
    }

    @Produces
    public AdminViewDeclaration<Order> orders() {
        return shopData(Order.class)
                .icon("pi pi-shopping-cart")
                .title("reference")
                .columns("reference", "customer", "status", "total", "createdAt")
                .searchable("reference", "customer.email")
                .filters("status", "customer", "total", "createdAt")
                .readOnly("createdAt")
                .defaultSort("-createdAt")
                .action("ship", "Mark shipped", "Mark the selected orders as shipped?", order -> {
                    order.setStatus(OrderStatus.SHIPPED);
                    order.setShippedAt(java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC));
                })
                .permitAction("ship", WRITERS);
    }
}
