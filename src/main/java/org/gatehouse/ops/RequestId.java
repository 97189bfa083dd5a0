package org.gatehouse.ops;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Gives every request an id that ties its log lines together. A load balancer's
 * {@code X-Request-Id} is kept when it looks like an id; otherwise one is made up. The id goes
 * back in the response header so a user can quote it.
 */
@WebFilter(filterName = "RequestId", urlPatterns = "/*")
public class RequestId extends HttpFilter {

    public static final String HEADER = "X-Request-Id";
    /** Request attribute with the id, for error pages to show as a reference. */
    public static final String ATTRIBUTE = "org.gatehouse.requestId";

    private static final long serialVersionUID = 1L;
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{8,64}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    /** The id of the request this thread serves, or {@code "-"} outside any request. */
    public static String current() {
        String id = CURRENT.get();
        return id == null ? "-" : id;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String given = request.getHeader(HEADER);
        String id = given != null && ACCEPTED.matcher(given).matches() ? given : newId();
        String outer = CURRENT.get();
        CURRENT.set(id);
        response.setHeader(HEADER, id);
        request.setAttribute(ATTRIBUTE, id);
        try {
            chain.doFilter(request, response);
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    private static String newId() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
