package org.gatehouse.metadata;

import java.util.List;

/**
 * The roles Gatehouse ships with, by name: what view permissions, services, the audit log and
 * the sign-in refer to. Below every package that uses them; the roles themselves, as records
 * users hold, are {@code org.gatehouse.identity.Role}.
 */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String EDITOR = "editor";
    public static final String VIEWER = "viewer";
    /** The roles that open the admin area; a user with none of them waits for access. */
    public static final List<String> ADMIN_AREA = List.of(ADMIN, EDITOR, VIEWER);

    private Roles() {}
}
