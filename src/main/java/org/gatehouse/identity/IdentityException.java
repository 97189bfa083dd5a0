package org.gatehouse.identity;

import jakarta.ejb.ApplicationException;

/**
 * A request to the user directory that cannot be carried out as asked (duplicate email, unknown
 * role, weak password). The message is meant for the person who made the request; the
 * transaction is rolled back.
 */
@ApplicationException(rollback = true)
public class IdentityException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public IdentityException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The form field the problem belongs to, or {@code null} for the whole request. */
    public String getField() {
        return field;
    }
}
