package org.gatehouse.metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which rows of a view a role's holders may reach: conditions joined by {@code and}, each a
 * property (or one relation away) equal to a value, which may be a property of the signed-in
 * user. For example {@code customer.country = {user.country}} or
 * {@code status = 'NEW' and country = {user.country}}.
 *
 * <p>A condition whose user value is missing (a user without a country) matches no row: a scope
 * fails closed.
 */
public record RowScope(List<Condition> conditions) {

    /** The longest scope text accepted, from a declaration, the configuration or the editor. */
    public static final int MAX_LENGTH = 500;
    /** The user's properties a scope may name. */
    public static final List<String> USER_ATTRIBUTES = List.of("id", "email", "country");

    private static final Pattern CONDITION =
            Pattern.compile("\\s*([A-Za-z][A-Za-z0-9]*(?:\\.[A-Za-z][A-Za-z0-9]*)?)\\s*=\\s*"
                    + "(?:\\{user\\.([A-Za-z]+)}|'([^'\\p{Cntrl}]{0,100})'|(-?[0-9]{1,18})|(true|false))\\s*");

    /**
     * One condition: the row's {@code path} equals either the user's {@code userAttribute} or the
     * {@code literal}.
     */
    public record Condition(String path, String userAttribute, String literal) {

        /** The value to compare with, for a user with the given attributes; null: nothing matches. */
        public Object value(Map<String, ?> user) {
            return userAttribute == null ? literal : user.get(userAttribute);
        }

        @Override
        public String toString() {
            return path + " = "
                    + (userAttribute != null
                            ? "{user." + userAttribute + "}"
                            : literal.matches("-?[0-9]+|true|false") ? literal : "'" + literal + "'");
        }
    }

    public RowScope {
        conditions = List.copyOf(conditions);
    }

    /**
     * Reads a scope; blank text is no scope (null).
     *
     * @throws IllegalArgumentException saying what is wrong, in English, for logs and the editor
     */
    public static RowScope parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a scope has at most " + MAX_LENGTH + " characters");
        }
        List<Condition> conditions = new ArrayList<>();
        for (String part : text.strip().split("(?i)\\s+and\\s+")) {
            Matcher matcher = CONDITION.matcher(part);
            if (!matcher.matches()) {
                throw new IllegalArgumentException("'" + part.strip().replaceAll("\\p{Cntrl}", "?")
                        + "' is not of the form property = {user.country}, property = 'text' or property = 12");
            }
            String attribute = matcher.group(2);
            if (attribute != null && !USER_ATTRIBUTES.contains(attribute)) {
                throw new IllegalArgumentException("{user." + attribute + "} is not one of "
                        + USER_ATTRIBUTES.stream().map(a -> "{user." + a + "}").toList());
            }
            String literal = matcher.group(3) != null
                    ? matcher.group(3)
                    : matcher.group(4) != null ? matcher.group(4) : matcher.group(5);
            conditions.add(new Condition(matcher.group(1), attribute, attribute == null ? literal : null));
        }
        return new RowScope(conditions);
    }

    /** The user attributes the scope refers to. */
    public List<String> userAttributes() {
        return conditions.stream()
                .map(Condition::userAttribute)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList();
    }

    @Override
    public String toString() {
        return String.join(" and ", conditions.stream().map(Condition::toString).toList());
    }
}
