package org.gatehouse.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.gatehouse.metadata.AdminViewDeclaration;

/** The demo shop in the admin: one short declaration per entity. */
@ApplicationScoped
public class DemoAdminViews {

    @Produces
    public AdminViewDeclaration<Customer> customers() {
        return AdminViewDeclaration.of(Customer.class)
                .icon("pi pi-user").category("Shop")
                .columns("name", "email", "city", "country", "createdAt")
                .searchable("name", "email")
                .filters("country", "createdAt")
                .readOnly("createdAt")
                .defaultSort("name");
    }

    @Produces
    public AdminViewDeclaration<Product> products() {
        return AdminViewDeclaration.of(Product.class)
                .icon("pi pi-box").category("Shop")
                .columns("sku", "name", "price", "stock", "active")
                .searchable("sku", "name")
                .filters("active", "price", "stock")
                .propertyLabel("sku", "SKU")
                .defaultSort("sku");
    }

    @Produces
    public AdminViewDeclaration<Order> orders() {
        return AdminViewDeclaration.of(Order.class)
                .icon("pi pi-shopping-cart").category("Shop")
                .title("reference")
                .columns("reference", "customer", "status", "total", "createdAt")
                .searchable("reference")
                .filters("status", "customer", "total", "createdAt")
                .readOnly("createdAt")
                .defaultSort("-createdAt")
                .action("ship", "Mark shipped", "Mark the selected orders as shipped?", order -> {
                    order.setStatus(OrderStatus.SHIPPED);
                    order.setShippedAt(java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC));
                });
    }
}
