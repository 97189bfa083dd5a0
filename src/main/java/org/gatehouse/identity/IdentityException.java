package org.gatehouse.identity;

import jakarta.ejb.ApplicationException;
import org.gatehouse.i18n.Message;

/**
 * A request to the user directory that cannot be carried out as asked (duplicate email, unknown
 * role, weak password). {@link #getText()} is meant for the person who made the request, in their
 * language; {@link #getMessage()} is the same in English, for logs. The transaction is rolled back.
 */
@ApplicationException(rollback = true)
public class IdentityException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    private final Message text;

    public IdentityException(String field, Message text) {
        super(text.toString());
        this.field = field;
        this.text = text;
    }

    /** The form field the problem belongs to, or {@code null} for the whole request. */
    public String getField() {
        return field;
    }

    /** What went wrong, for the page to say in the reader's language. */
    public Message getText() {
        return text;
    }
}
