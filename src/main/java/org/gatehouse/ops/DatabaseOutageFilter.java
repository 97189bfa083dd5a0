package org.gatehouse.ops;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns a request that failed because the database is gone into a 503 "database unavailable"
 * page with {@code Retry-After}, instead of the generic error page; any other failure gets one
 * log line with the request id the error page shows, then goes on to the container. The connection pool
 * validates connections and drops them all on a failure, so the next request after the
 * database is back gets fresh ones: nothing to restart.
 */
@WebFilter(filterName = "DatabaseOutageFilter", urlPatterns = "/*")
public class DatabaseOutageFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(DatabaseOutageFilter.class.getName());
    private static final String RETRY_AFTER_SECONDS = "5";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getAttribute(DatabaseUnavailableException.UNVERIFIED_SESSION) != null) {
            // fail closed: a signed-in session whose account cannot be checked gets nothing but this page
            LOG.log(
                    Level.WARNING,
                    "request={0} database unavailable: {1} {2} -- its session cannot be checked",
                    new Object[] {RequestId.current(), request.getMethod(), request.getRequestURI()});
            unavailable(response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (isCause(e, org.primefaces.csp.CspException.class) && !response.isCommitted()) {
                // a postback without the nonce its page was given: forged, or from a page of another view
                LOG.log(
                        Level.INFO,
                        "request={0} refused with 400: postback without its page''s CSP nonce: {1} {2}",
                        new Object[] {RequestId.current(), request.getMethod(), request.getServletPath()});
                response.resetBuffer();
                response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                return;
            }
            if (isCause(e, jakarta.ejb.EJBAccessException.class) && !response.isCommitted()) {
                // a service refused a caller without the role: an expected answer, one line, no stack trace
                LOG.log(Level.INFO, "request={0} refused by a service: {1} {2}", new Object[] {
                    RequestId.current(), request.getMethod(), request.getServletPath()
                });
                response.sendError(HttpServletResponse.SC_FORBIDDEN);
                return;
            }
            if (!DatabaseUnavailableException.isCause(e) || response.isCommitted()) {
                LOG.log(Level.SEVERE, "request={0} failed: {1} {2}: {3}", new Object[] {
                    RequestId.current(),
                    request.getMethod(),
                    request.getRequestURI(),
                    e.getClass().getName()
                });
                throw e;
            }
            LOG.log(Level.WARNING, "request={0} database unavailable: {1} {2} -- {3}", new Object[] {
                RequestId.current(),
                request.getMethod(),
                request.getRequestURI(),
                DatabaseUnavailableException.describe(e)
            });
            unavailable(response);
        }
    }

    private static void unavailable(HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        response.setHeader("Cache-Control", "no-store");
        // an error dispatch, so Faces renders the page afresh even when the failed request was a postback
        response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    }

    /** Whether the failure, or any cause of it (servlet root causes included), is of the type. */
    public static boolean isCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
            if (cause instanceof ServletException servlet
                    && servlet.getRootCause() != null
                    && servlet.getRootCause() != cause.getCause()
                    && isCause(servlet.getRootCause(), type)) {
                return true;
            }
        }
        return false;
    }
}
