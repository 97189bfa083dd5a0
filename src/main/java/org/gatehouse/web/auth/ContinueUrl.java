package org.gatehouse.web.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * Where to send a caller after login: the admin URL they first asked for, as remembered when
 * they were sent to the login page, or the admin home. Only GET requests to this application's
 * admin pages are ever continued to, so the login page cannot be turned into an open redirect.
 */
final class ContinueUrl {

    private static final String KEPT = "org.gatehouse.continueUrl";

    private ContinueUrl() {}

    static String take(HttpServletRequest request) {
        String home = request.getContextPath() + "/admin/";
        HttpSession session = request.getSession(false);
        if (session == null) {
            return home;
        }
        String url = (String) session.getAttribute(KEPT);
        session.removeAttribute(KEPT);
        return isOwnAdminUrl(url, request) ? url : home;
    }

    static void keep(HttpServletRequest request, String url) {
        request.getSession().setAttribute(KEPT, url);
    }

    /** Remembers the GET request being sent to the login page, path and query only. */
    static void remember(HttpServletRequest request) {
        String url = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        if (isOwnAdminUrl(url, request)) {
            keep(request, url);
        }
    }

    static boolean isOwnAdminUrl(String url, HttpServletRequest request) {
        return url != null
                && url.startsWith(request.getContextPath() + "/admin/")
                && !url.contains("//")
                && !url.contains("\\")
                && url.chars().allMatch(c -> c > ' ' && c < 0x7f);
    }
}
