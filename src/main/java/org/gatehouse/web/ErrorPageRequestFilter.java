package org.gatehouse.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

/**
 * Error pages are rendered as fresh pages of their own. On the error dispatch the failed
 * request's parameters and its AJAX header are hidden, so that Faces never takes a refused
 * postback (a forged view state, a missing CSP nonce, crafted paging) for a postback of the error
 * page and fails a second time.
 */
@WebFilter(
        filterName = "ErrorPageRequestFilter",
        urlPatterns = "/*",
        dispatcherTypes = jakarta.servlet.DispatcherType.ERROR)
public class ErrorPageRequestFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final String FACES_REQUEST = "Faces-Request";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(
                new HttpServletRequestWrapper(request) {
                    @Override
                    public String getMethod() {
                        return "GET";
                    }

                    @Override
                    public String getParameter(String name) {
                        return null;
                    }

                    @Override
                    public Map<String, String[]> getParameterMap() {
                        return Map.of();
                    }

                    @Override
                    public Enumeration<String> getParameterNames() {
                        return Collections.emptyEnumeration();
                    }

                    @Override
                    public String[] getParameterValues(String name) {
                        return null;
                    }

                    // a refused AJAX request gets the error page as a whole page, not as a partial update
                    @Override
                    public String getHeader(String name) {
                        return FACES_REQUEST.equalsIgnoreCase(name) ? null : super.getHeader(name);
                    }

                    @Override
                    public Enumeration<String> getHeaders(String name) {
                        return FACES_REQUEST.equalsIgnoreCase(name)
                                ? Collections.emptyEnumeration()
                                : super.getHeaders(name);
                    }

                    @Override
                    public Enumeration<String> getHeaderNames() {
                        return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                                .filter(header -> !FACES_REQUEST.equalsIgnoreCase(header))
                                .toList());
                    }
                },
                response);
    }
}
