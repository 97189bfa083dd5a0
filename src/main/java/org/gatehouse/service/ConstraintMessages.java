package org.gatehouse.service;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gatehouse.i18n.Message;
import org.gatehouse.metadata.PropertyDescriptor;

/**
 * Turns a database refusal into a message for the form, worded like every other form message:
 * with a field, "what to do" (the page puts the field's label before it); without one, a whole
 * sentence. Works on SQLSTATE codes, which PostgreSQL and H2 share, and on the column the
 * driver's message names.
 */
final class ConstraintMessages {

    private static final String UNIQUE = "23505";
    private static final String FOREIGN_KEY = "23503";
    /** H2's code for a reference to a missing record; PostgreSQL says 23503 for both directions. */
    private static final String PARENT_MISSING = "23506";

    private static final String CHECK = "23514";
    private static final String NOT_NULL = "23502";

    /**
     * Where drivers name the column: PostgreSQL's {@code Key (email)=(...)} and {@code column "name"},
     * H2's {@code ON PUBLIC.CUSTOMERS(EMAIL NULLS FIRST)} and {@code column "NAME"}. One column only:
     * a constraint over several columns belongs to no single field.
     */
    private static final List<Pattern> COLUMN = List.of(
            Pattern.compile("key \\(([a-z0-9_]+)\\)="),
            Pattern.compile("column \"([a-z0-9_]+)\""),
            Pattern.compile(" on [a-z0-9_.\"]+\\(\"?([a-z0-9_]+)\"?(?: nulls (?:first|last))?(?: asc| desc)?\\)"),
            Pattern.compile("foreign key\\(\"?([a-z0-9_]+)\"?\\)"));

    private ConstraintMessages() {}

    static WriteException translate(Collection<PropertyDescriptor> properties, PersistenceException exception) {
        SQLException sql = sqlCause(exception);
        if (sql == null) {
            throw exception;
        }
        return refusal(properties, sql.getSQLState(), sql.getMessage()).orElseThrow(() -> exception);
    }

    /** The refusal for a SQLSTATE and the driver's message, or empty when a person cannot fix it. */
    static Optional<WriteException> refusal(
            Collection<PropertyDescriptor> properties, String sqlState, String driverMessage) {
        String message = String.valueOf(driverMessage).toLowerCase(Locale.ROOT);
        String field =
                property(properties, message).map(PropertyDescriptor::name).orElse(null);
        WriteException refusal = switch (String.valueOf(sqlState)) {
            case UNIQUE ->
                field == null
                        ? new WriteException(null, Message.of("service.duplicate.record"))
                        : new WriteException(field, Message.of("service.duplicate"));
            case FOREIGN_KEY, PARENT_MISSING ->
                referenceGone(sqlState, message)
                        ? new WriteException(
                                field,
                                field == null
                                        ? Message.of("service.relatedMissing.record")
                                        : Message.of("service.relatedMissing"))
                        : new WriteException(null, Message.of("service.inUse"));
            case CHECK ->
                field == null
                        ? new WriteException(null, Message.of("service.outOfRange.record"))
                        : new WriteException(field, Message.of("service.outOfRange"));
            case NOT_NULL ->
                field == null
                        ? new WriteException(null, Message.of("service.required.record"))
                        : new WriteException(field, Message.of("service.required"));
            default -> null;
        };
        return Optional.ofNullable(refusal);
    }

    /** A record refers to one that does not exist (rather than a record still being referred to). */
    private static boolean referenceGone(String sqlState, String message) {
        return PARENT_MISSING.equals(sqlState)
                || message.contains("insert or update on table")
                || message.contains("parent missing");
    }

    /**
     * The property the driver's message names: from where drivers put the column, else the
     * longest column name found before the values begin (values may contain any word).
     */
    static Optional<PropertyDescriptor> property(Collection<PropertyDescriptor> properties, String message) {
        for (Pattern pattern : COLUMN) {
            Matcher matcher = pattern.matcher(message);
            if (matcher.find()) {
                String column = matcher.group(1);
                Optional<PropertyDescriptor> named = properties.stream()
                        .filter(p -> column.equals(column(p.name())) || column.equals(column(p.name()) + "_id"))
                        .findFirst();
                if (named.isPresent()) {
                    return named;
                }
            }
        }
        String beforeValues = message.split("=\\(| values ", 2)[0];
        return properties.stream()
                .filter(p -> containsWord(beforeValues, column(p.name())))
                .max(Comparator.comparingInt(p -> column(p.name()).length()));
    }

    private static boolean containsWord(String text, String word) {
        return Pattern.compile("(?<![a-z0-9])" + Pattern.quote(word) + "(?![a-z0-9])")
                .matcher(text)
                .find();
    }

    private static SQLException sqlCause(Throwable throwable) {
        for (Throwable cause = throwable; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    /** {@code createdAt} becomes {@code created_at}, the column naming the migrations use. */
    static String column(String property) {
        return property.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
