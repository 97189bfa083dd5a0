package org.gatehouse.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.gatehouse.identity.SecretBox;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.PropertyDescriptor;

/**
 * The columns a person hid on a list, remembered per user and view: the page's script writes them
 * into a cookie of the view's address when the column chooser changes them ({@code list.js}),
 * and the page renders those columns hidden, so that the choice holds after a reload without a
 * flash of the hidden columns. The cookie names the user by a hash, so that another person
 * signing in on the same browser starts with every column; it is neither a secret nor a
 * permission, and anything in it that is not a hideable column of the view is ignored.
 */
public final class ColumnChoice {

    private static final int MAX_LENGTH = 2000;

    private final AdminView<?> view;
    private final String cookieName;
    private final String owner;
    private final Set<String> hidden;

    /** @param owner who chooses, as a keyed fingerprint (SecretBox.tag) that does not reveal their address */
    ColumnChoice(AdminView<?> view, HttpServletRequest request, String owner) {
        this.view = view;
        this.cookieName = "gatehouse.columns." + view.name();
        this.owner = owner;
        this.hidden = read(view, cookieValue(request, cookieName), owner);
    }

    /** The choice of the signed-in user, who is named in the cookie by a keyed fingerprint. */
    static ColumnChoice of(AdminView<?> view, HttpServletRequest request, SecretBox secrets) {
        Principal user = request.getUserPrincipal();
        return new ColumnChoice(view, request, secrets.tag("columns", user == null ? "" : user.getName()));
    }

    /** The name of the cookie that holds the choice. */
    public String getCookieName() {
        return cookieName;
    }

    /** What the cookie's value starts with for this user: {@code <owner>:<column>|<column>}. */
    public String getOwner() {
        return owner;
    }

    /** The column the record link is in, which cannot be hidden. */
    public PropertyDescriptor getFirst() {
        return view.columns().get(0);
    }

    /** The columns after the first: those a person may hide. */
    public List<PropertyDescriptor> getOthers() {
        return view.columns().subList(1, view.columns().size());
    }

    /** The hideable columns' names in order, for the page's script. */
    public String getNames() {
        return getOthers().stream().map(PropertyDescriptor::name).collect(Collectors.joining("|"));
    }

    /** Whether a column is shown. */
    public boolean shown(PropertyDescriptor column) {
        return !hidden.contains(column.name());
    }

    static Set<String> read(AdminView<?> view, String value, String owner) {
        if (value == null || value.length() > MAX_LENGTH || !value.startsWith(owner + ":")) {
            return Set.of();
        }
        // the first column holds the record link and cannot be hidden
        List<PropertyDescriptor> hideable =
                view.columns().subList(1, view.columns().size());
        Set<String> named = Set.of(value.substring(owner.length() + 1).split("\\|"));
        return hideable.stream()
                .map(PropertyDescriptor::name)
                .filter(named::contains)
                .collect(Collectors.toSet());
    }

    private static String cookieValue(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (name.equals(cookie.getName())) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }
}
