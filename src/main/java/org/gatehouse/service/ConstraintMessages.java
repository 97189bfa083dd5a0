package org.gatehouse.service;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.Locale;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.PropertyDescriptor;

/**
 * Turns a database refusal into a sentence for the form. Works on SQLSTATE codes, which
 * PostgreSQL and H2 share, and on the constraint or column name in the driver's message.
 */
final class ConstraintMessages {

    private static final String UNIQUE = "23505";
    private static final String FOREIGN_KEY = "23503";
    private static final String CHECK = "23514";
    private static final String NOT_NULL = "23502";

    private ConstraintMessages() {
    }

    static WriteException translate(AdminView<?> view, PersistenceException exception) {
        SQLException sql = sqlCause(exception);
        if (sql == null) {
            throw exception;
        }
        String message = String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT);
        PropertyDescriptor property = view.properties().values().stream()
                .filter(p -> message.contains(column(p.name())))
                .max((a, b) -> Integer.compare(column(a.name()).length(), column(b.name()).length()))
                .orElse(null);
        String field = property == null ? null : property.name();
        String singular = view.singularLabel().toLowerCase(Locale.ROOT);
        return switch (String.valueOf(sql.getSQLState())) {
            case UNIQUE -> new WriteException(field, "Another " + singular + " already has this "
                    + (property == null ? "value" : property.label().toLowerCase(Locale.ROOT)) + ".");
            case FOREIGN_KEY -> new WriteException(null, "This " + singular
                    + " is still used by other records and cannot be deleted or changed that way.");
            case CHECK -> new WriteException(field, "A value is outside the allowed range.");
            case NOT_NULL -> new WriteException(field, "A required value is missing.");
            default -> throw exception;
        };
    }

    private static SQLException sqlCause(Throwable throwable) {
        for (Throwable cause = throwable; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    /** {@code createdAt} → {@code created_at}, the column naming the migrations use. */
    static String column(String property) {
        return property.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
