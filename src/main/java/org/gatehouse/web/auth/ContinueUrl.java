package org.gatehouse.web.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * Where to send a caller after login: the admin URL they first asked for, as recorded by the
 * container's login-to-continue step, or the admin home. Only GET requests to this application
 * are ever continued to, so the login page cannot be turned into an open redirect.
 */
final class ContinueUrl {

    /** Session attribute under which Soteria's {@code @LoginToContinue} keeps the original request. */
    private static final String SAVED_REQUEST = "org.glassfish.soteria.original.request";
    private static final String KEPT = "org.gatehouse.continueUrl";

    private ContinueUrl() {
    }

    static String take(HttpServletRequest request) {
        String home = request.getContextPath() + "/admin/";
        HttpSession session = request.getSession(false);
        if (session == null) {
            return home;
        }
        String kept = (String) session.getAttribute(KEPT);
        session.removeAttribute(KEPT);
        Object saved = session.getAttribute(SAVED_REQUEST);
        // the login dialog is ours from here on: without a saved request the mechanism just validates
        session.removeAttribute(SAVED_REQUEST);
        String url = saved == null ? kept : savedUrl(saved, request);
        return isOwnAdminUrl(url, request) ? url : home;
    }

    static void keep(HttpServletRequest request, String url) {
        request.getSession().setAttribute(KEPT, url);
    }

    private static String savedUrl(Object saved, HttpServletRequest request) {
        try {
            String method = (String) saved.getClass().getMethod("getMethod").invoke(saved);
            if (!"GET".equalsIgnoreCase(method)) {
                return null;
            }
            String full = (String) saved.getClass().getMethod("getFullRequestURL").invoke(saved);
            // keep only path and query: the host part is never ours to choose
            java.net.URI uri = java.net.URI.create(full);
            return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (ReflectiveOperationException | IllegalArgumentException | ClassCastException e) {
            return null;
        }
    }

    static boolean isOwnAdminUrl(String url, HttpServletRequest request) {
        return url != null && url.startsWith(request.getContextPath() + "/admin/") && !url.contains("//")
                && !url.contains("\\");
    }
}
