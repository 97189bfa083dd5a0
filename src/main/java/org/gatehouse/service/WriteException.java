package org.gatehouse.service;

import jakarta.ejb.ApplicationException;

/**
 * A write the database refused for a reason the user can fix: a duplicate value, a record
 * still in use, a bad value. Carries the form field it belongs to when known.
 */
@ApplicationException(rollback = true)
public class WriteException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public WriteException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String getField() {
        return field;
    }
}
