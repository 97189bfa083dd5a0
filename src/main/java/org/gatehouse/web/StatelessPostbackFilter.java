package org.gatehouse.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Logger;
import org.gatehouse.ops.RequestId;
import org.gatehouse.web.auth.PageToken;

/**
 * A postback of a stateless page (see {@link StatelessViews}) runs only with the session's
 * {@link PageToken}: a form posted from another site, a page of another session or an ended
 * session is answered 400 before any page or action runs. Postbacks of stateful pages are
 * protected by their view state, which Faces checks itself.
 */
@WebFilter(filterName = "StatelessPostbackFilter", urlPatterns = "/*")
public class StatelessPostbackFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(StatelessPostbackFilter.class.getName());
    /** What Faces writes as the view state of a transient view. */
    static final String STATELESS = "stateless";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if ("POST".equals(request.getMethod())
                && claimsStateless(request)
                && !PageToken.matches(request.getSession(false), request.getParameter(PageToken.PARAMETER))) {
            LOG.info(() -> "request=" + RequestId.current()
                    + " refused with 400: stateless postback without the session's token");
            response.setHeader("Cache-Control", "no-store");
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Any view state value "stateless", wherever it stands among repeated ones: no parser may read another. */
    private static boolean claimsStateless(HttpServletRequest request) {
        String[] values = request.getParameterValues("jakarta.faces.ViewState");
        return values != null && java.util.Arrays.asList(values).contains(STATELESS);
    }
}
