package org.gatehouse.service;

import jakarta.ejb.ApplicationException;

/** The caller's roles do not allow this operation on this view. Nothing was read or written. */
@ApplicationException(rollback = true)
public class ForbiddenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ForbiddenException(String message) {
        super(message);
    }
}
