package org.gatehouse.it;

import java.util.Set;

/** The permissions the demo declares, restated independently of the code under test. */
public final class DeclaredPermissions {

    private static final Set<String> SHOP = Set.of("customers", "products", "orders");

    private DeclaredPermissions() {}

    public static boolean allowed(String role, String view, String operation) {
        if (role.equals("admin")) {
            return true;
        }
        if (!SHOP.contains(view) || role.equals("anonymous") || role.equals("none")) {
            return false;
        }
        return switch (operation) {
            case "view" -> true;
            case "create", "edit", "ship" -> role.equals("editor");
            default -> false;
        };
    }

    public static boolean capable(String view, String operation) {
        return !view.equals("audit") || operation.equals("view");
    }
}
