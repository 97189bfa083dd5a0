package org.gatehouse.service;

import jakarta.ejb.ApplicationException;

/**
 * Someone else changed or deleted the record since it was loaded: the write was not made. Never
 * a silent overwrite.
 */
@ApplicationException(rollback = true)
public class ConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String id;
    private final boolean deleted;

    public ConflictException(String id, boolean deleted) {
        super(deleted ? "This record was deleted by someone else." : "This record was changed by someone else since you opened it.");
        this.id = id;
        this.deleted = deleted;
    }

    public String getId() {
        return id;
    }

    public boolean isDeleted() {
        return deleted;
    }
}
