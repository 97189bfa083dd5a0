package org.gatehouse.service;

import jakarta.ejb.ApplicationException;
import org.gatehouse.i18n.Message;

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
        super(message(deleted).toString());
        this.id = id;
        this.deleted = deleted;
    }

    private static Message message(boolean deleted) {
        return deleted ? Message.of("service.conflict.deleted") : Message.of("service.conflict.changed");
    }

    public String getId() {
        return id;
    }

    public boolean isDeleted() {
        return deleted;
    }

    /** "This record was changed by someone else since you opened it.", for the reader's language. */
    public Message getText() {
        return message(deleted);
    }
}
