package org.gatehouse.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Objects;
import org.gatehouse.identity.LoginGuard;

/**
 * Ends a signed-in session as soon as its user's access changed: deactivated, roles or password
 * changed (each gives the user a new session stamp). The next request, page or AJAX, lands on
 * the login page instead of working with yesterday's rights.
 */
@WebFilter(filterName = "SessionRevocationFilter", urlPatterns = {"/admin/*", "/export-csv", "/account/*", "/waiting"})
public class SessionRevocationFilter extends HttpFilter {

    /** Session attribute holding the stamp the user had when signing in. */
    public static final String STAMP = "org.gatehouse.sessionStamp";
    private static final long serialVersionUID = 1L;

    @Inject
    private LoginGuard guard;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String user = request.getRemoteUser();
        HttpSession session = request.getSession(false);
        if (user != null && session != null) {
            Object signedInWith = session.getAttribute(STAMP);
            String current = guard.sessionStamp(user).orElse(null);
            if (current == null || !Objects.equals(current, signedInWith)) {
                request.logout();
                session.invalidate();
                String login = request.getContextPath() + "/login";
                if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
                    CleanUrlFilter.partialRedirect(response, login);
                } else {
                    response.sendRedirect(login);
                }
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
