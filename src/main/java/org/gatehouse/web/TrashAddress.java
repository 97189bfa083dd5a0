package org.gatehouse.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The state of a trash page as its address holds it, {@code ?q=…&page=…}: the search (null for
 * none) and the page number, from 1.
 */
record TrashAddress(String search, int page) {

    /** The address's state; empty for a page number that is not one (a bad request). */
    static Optional<TrashAddress> parse(String search, String page) {
        if (page != null && !page.matches("[1-9][0-9]{0,5}")) {
            return Optional.empty();
        }
        return Optional.of(new TrashAddress(search, page == null ? 1 : Integer.parseInt(page)));
    }

    /** The first row of the page, for a page size. */
    int offset(int pageSize) {
        return (page - 1) * pageSize;
    }

    /** The path below {@code /admin/} of another page of the view's trash, the search kept. */
    String path(String view, int number) {
        return view + "/trash?page=" + number
                + (search == null ? "" : "&q=" + URLEncoder.encode(search, StandardCharsets.UTF_8));
    }
}
