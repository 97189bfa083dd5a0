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
    private static final Set<String> TOP_LEVEL_PAGES = Set.of("login", "register", "waiting");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        int semicolon = path.indexOf(';');
        if (semicolon >= 0) {
            path = path.substring(0, semicolon);
        }
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
        String target = resolve(path, request);
        if (target == null) {
            chain.doFilter(request, response);
        } else {
            request.getRequestDispatcher(target).forward(request, response);
        }
    }

    /** The page for a clean path, or {@code null} when the path is not one of ours (resources etc.). */
    static String resolve(String path, HttpServletRequest request) {
        String name = path.substring(1);
        if (TOP_LEVEL_PAGES.contains(name)) {
            return "/" + name + ".xhtml";
        }
        if (path.equals("/admin") || path.equals("/admin/")) {
            return "/admin/index.xhtml";
        }
        if (!path.startsWith("/admin/")) {
            return null;
        }
        AdminPath adminPath = AdminPath.parse(path.substring("/admin/".length()));
        if (adminPath == null) {
            return "/admin/not-found.xhtml";
        }
        request.setAttribute(AdminPath.ATTRIBUTE, adminPath);
        return adminPath.page();
    }
}
