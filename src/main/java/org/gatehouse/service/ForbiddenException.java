package org.gatehouse.service;

import jakarta.ejb.ApplicationException;
import org.gatehouse.i18n.Message;

/**
 * The caller's roles do not allow this operation on this view. Nothing was read or written. The
 * exception's own message names the operation for the log; pages answer 403 or show {@link #getText}.
 */
@ApplicationException(rollback = true)
public class ForbiddenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ForbiddenException(String operation) {
        super("You may not " + operation + ".");
    }

    /** What the person reads: no detail of what exists or of the rules. */
    public Message getText() {
        return Message.of("service.forbidden");
    }
}
