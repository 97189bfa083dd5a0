package org.gatehouse.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.gatehouse.ops.RequestId;

/**
 * The first application filter: every request must name exactly the resource it is served.
 * The container resolves path parameters ({@code ;x}) and dot segments ({@code ..}, also
 * percent-encoded) before security constraints and filter mappings see the path, while the raw
 * URI still carries them; any such request is answered 400 here, so no two layers can ever
 * disagree about which page a request is for. Also refused: percent-encoding, backslashes and
 * empty segments in the path (no Gatehouse address has them), a session id in the URL, methods other than GET, HEAD and
 * POST, and a GET that carries Faces postback parameters (a postback is only ever a POST).
 * <p>
 * Redirects are sent with the path alone in {@code Location}, never with a host taken from the
 * request's {@code Host} header.
 */
@WebFilter(filterName = "CanonicalRequestFilter", urlPatterns = "/*")
public class CanonicalRequestFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(CanonicalRequestFilter.class.getName());

    /** Path characters of RFC 3986 without ';' (path parameters) and '%' (encodings). */
    private static final Pattern PATH = Pattern.compile("[A-Za-z0-9._~!$&'()*+,=:@/-]*");

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST");
    private static final Set<String> POSTBACK_PARAMETERS = Set.of(
            "jakarta.faces.ViewState",
            "jakarta.faces.source",
            "jakarta.faces.partial.ajax",
            "jakarta.faces.partial.execute",
            "jakarta.faces.partial.render",
            "jakarta.faces.behavior.event",
            "jakarta.faces.partial.event");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!METHODS.contains(request.getMethod())) {
            refuse(request, response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "method");
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        // the container strips ";jsessionid=" from the URI it reports: session ids travel in cookies only
        if (!isCanonical(path) || request.isRequestedSessionIdFromURL()) {
            refuse(request, response, HttpServletResponse.SC_BAD_REQUEST, "path");
            return;
        }
        if (request.getCharacterEncoding() == null) {
            request.setCharacterEncoding("UTF-8"); // before the parameters are first read, here
        }
        if (!"POST".equals(request.getMethod())
                && request.getParameterMap().keySet().stream().anyMatch(POSTBACK_PARAMETERS::contains)) {
            refuse(
                    request,
                    response,
                    HttpServletResponse.SC_BAD_REQUEST,
                    "postback parameters in a " + request.getMethod());
            return;
        }
        chain.doFilter(request, new PathRedirects(response));
    }

    /** Whether a raw path (after the context path) is already in its one canonical form. */
    static boolean isCanonical(String path) {
        if (path.isEmpty()) {
            return true;
        }
        if (!path.startsWith("/") || !PATH.matcher(path).matches() || path.contains("//")) {
            return false;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String why)
            throws IOException {
        // an expected client error: one line, no stack trace, and never the raw (attacker-chosen) path
        LOG.info(() -> "request=" + RequestId.current() + " refused with " + status + ": non-canonical " + why);
        response.setHeader("Cache-Control", "no-store");
        response.sendError(status);
    }

    /**
     * Redirects carry only the path in {@code Location} (RFC 9110 allows a relative reference),
     * so a forged {@code Host} header can never send a user elsewhere.
     */
    static final class PathRedirects extends HttpServletResponseWrapper {

        PathRedirects(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            if (location.startsWith("/") && !location.startsWith("//")) {
                if (isCommitted()) {
                    throw new IllegalStateException("Response already committed");
                }
                resetBuffer();
                setStatus(SC_FOUND);
                setHeader("Location", location);
            } else {
                super.sendRedirect(location);
            }
        }
    }
}
