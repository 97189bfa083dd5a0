package org.gatehouse.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * One URL scheme for the whole console, without file extensions:
 * {@code /login}, {@code /admin/}, {@code /admin/{view}}, {@code /admin/{view}/new},
 * {@code /admin/{view}/{id}}, {@code /admin/{view}/{id}/edit}. Each is forwarded to the page that
 * renders it, with the path parts as request attributes ({@link AdminPath}). Direct requests for
 * {@code .xhtml} files are answered 404 so that every page has exactly one address.
 */
@WebFilter(filterName = "CleanUrlFilter", urlPatterns = "/*", dispatcherTypes = DispatcherType.REQUEST)
public class CleanUrlFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private static final String RESOURCES = "/jakarta.faces.resource/";
    /** What {@link #resolve} answers for an admin address that names nothing. */
    static final String NOT_FOUND = "";

    private static final Set<String> ACCOUNT_PAGES =
            Set.of("account/password", "account/two-factor", "account/sessions", "account/confirm");
    private static final Set<String> TOP_LEVEL_PAGES =
            Set.of("login", "register", "waiting", "forgot", "reset", "verify");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // the path the container resolved and its security constraints saw, never the raw URI
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (path.startsWith(RESOURCES)) {
            chain.doFilter(request, response);
            return;
        }
        if (path.endsWith(".xhtml")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (path.isEmpty() || path.equals("/")) {
            response.sendRedirect(request.getContextPath() + "/admin/");
            return;
        }
        if (path.equals("/login") && "partial/ajax".equals(request.getHeader("Faces-Request"))) {
            // an AJAX request whose session had ended was sent here by the login-to-continue step;
            // the browser followed that redirect inside the XHR, so tell the page itself to go
            partialRedirect(response, request.getContextPath() + "/login");
            return;
        }
        String target = resolve(path, request);
        if (NOT_FOUND.equals(target)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        } else if (target == null) {
            chain.doFilter(request, response);
        } else {
            request.getRequestDispatcher(target).forward(request, response);
        }
    }

    /** Answers a JSF AJAX request with a redirect the page's script follows. */
    public static void partialRedirect(HttpServletResponse response, String url) throws IOException {
        response.setContentType("text/xml;charset=UTF-8");
        response.getWriter()
                .write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\"" + url
                        + "\"></redirect></partial-response>");
    }

    /** The page for a clean path, or {@code null} when the path is not one of ours (resources etc.). */
    static String resolve(String path, HttpServletRequest request) {
        String name = path.substring(1);
        if (TOP_LEVEL_PAGES.contains(name)) {
            return "/" + name + ".xhtml";
        }
        if (ACCOUNT_PAGES.contains(name)) {
            return AdminPages.VIEWS + "/" + name + ".xhtml";
        }
        if (path.equals("/admin") || path.equals("/admin/")) {
            return AdminPages.VIEWS + "/admin/index.xhtml";
        }
        if (!path.startsWith("/admin/")) {
            return null;
        }
        AdminPath adminPath = AdminPath.parse(path.substring("/admin/".length()));
        if (adminPath == null) {
            return NOT_FOUND;
        }
        request.setAttribute(AdminPath.ATTRIBUTE, adminPath);
        return adminPath.page();
    }
}
