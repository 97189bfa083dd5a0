package org.gatehouse.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Answers 413 to an upload bigger than the Faces servlet's multipart limit before anything reads
 * it: the container would otherwise fail while Faces parses the request.
 */
@WebFilter(filterName = "UploadLimitFilter", urlPatterns = "/*", dispatcherTypes = DispatcherType.REQUEST)
public class UploadLimitFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The {@code max-file-size} of the Faces servlet's {@code multipart-config} in web.xml. */
    static final long LIMIT = 23_068_672L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String type = request.getContentType();
        if (type != null
                && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")
                && request.getContentLengthLong() > LIMIT) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        chain.doFilter(request, response);
    }
}
