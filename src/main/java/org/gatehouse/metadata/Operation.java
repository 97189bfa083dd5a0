package org.gatehouse.metadata;

/** What a role may be allowed to do on an admin view. Bulk actions are permitted by name. */
public enum Operation {
    VIEW,
    CREATE,
    EDIT,
    DELETE
}
