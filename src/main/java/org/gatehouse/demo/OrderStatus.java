package org.gatehouse.demo;

/** Where an order is in its life. */
public enum OrderStatus {
    NEW,
    PAID,
    SHIPPED,
    DELIVERED,
    CANCELLED
}
