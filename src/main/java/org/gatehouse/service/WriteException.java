package org.gatehouse.service;

import jakarta.ejb.ApplicationException;
import org.gatehouse.i18n.Message;

/**
 * A write the database or a rule refused for a reason the user can fix: a duplicate value, a
 * record still in use, a bad value. Carries the form field it belongs to when known; the page puts
 * that field's label before the text, so the text itself names no label.
 */
@ApplicationException(rollback = true)
public class WriteException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final Message text;

    public WriteException(String field, Message text) {
        super(text.toString());
        this.field = field;
        this.text = text;
    }

    /** The property the refusal belongs to, or {@code null} for the whole record. */
    public String getField() {
        return field;
    }

    /** What went wrong, for the page to put into the reader's language. */
    public Message getText() {
        return text;
    }
}
