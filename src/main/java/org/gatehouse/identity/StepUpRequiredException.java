package org.gatehouse.identity;

import jakarta.ejb.ApplicationException;

/**
 * A dangerous operation was asked for by a caller who did not enter their password (and code)
 * recently enough: nothing was done. The page asks for the password and runs the operation again.
 */
@ApplicationException(rollback = true)
public class StepUpRequiredException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StepUpRequiredException(String what) {
        super("Confirm it is you to " + what + ".");
    }
}
