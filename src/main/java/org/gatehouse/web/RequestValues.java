package org.gatehouse.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.omnifaces.util.Faces;

/**
 * The current request's parameters as the stateless pages read them: the address's query, or
 * what a button posted. Malformed values never reach a service.
 */
final class RequestValues {

    private RequestValues() {}

    /** A parameter's value; null when it is missing or blank. */
    static String param(String name) {
        String value = Faces.getRequestParameter(name);
        return value == null || value.isBlank() ? null : value;
    }

    /** The record version a page showed and posts back; -1 (never a version, so a conflict) when missing or malformed. */
    static long version(String name) {
        String posted = Faces.getRequestParameter(name);
        return posted != null && posted.matches("\\d{1,18}") ? Long.parseLong(posted) : -1;
    }

    /** Like {@link #version}, but null when the page showed no version (posted empty or not at all). */
    static Long versionOrNone(String name) {
        String posted = Faces.getRequestParameter(name);
        return posted == null || posted.isEmpty() ? null : version(name);
    }

    /** The ids posted under these names (a parameter may repeat); empty when one of them is not an id. */
    static Optional<List<Long>> ids(List<String> names) {
        List<Long> ids = new ArrayList<>();
        for (String name : names) {
            for (String value : Faces.getRequestParameterValuesMap().getOrDefault(name, new String[0])) {
                if (!value.matches("[0-9]{1,18}")) {
                    return Optional.empty();
                }
                ids.add(Long.valueOf(value));
            }
        }
        return Optional.of(ids);
    }
}
