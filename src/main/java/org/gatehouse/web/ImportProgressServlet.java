package org.gatehouse.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * {@code GET /import-progress?token=…}: how far the check or import of an uploaded file has come,
 * as {@code {"done":…,"total":…,"applying":…}}, for the import page's progress bar while its
 * request runs. Answers only the user who uploaded the file; any other token is a 404, so the
 * answer never says whether someone else's token exists. Behind the admin area's security
 * constraint, like the pages.
 */
@WebServlet(name = "ImportProgress", urlPatterns = ImportProgressServlet.PATH)
public class ImportProgressServlet extends HttpServlet {

    static final String PATH = "/import-progress";
    private static final long serialVersionUID = 1L;
    private static final Pattern TOKEN = Pattern.compile("[0-9a-f-]{36}");

    @Inject
    private ImportUploads uploads;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String token = request.getParameter("token");
        String user = request.getRemoteUser();
        var progress = user == null || token == null || !TOKEN.matcher(token).matches()
                ? null
                : uploads.progress(token, user).orElse(null);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Security-Policy", SecurityHeadersFilter.NON_PAGE_POLICY);
        if (progress == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter()
                .write("{\"done\":" + progress.done().get() + ",\"total\":" + progress.total() + ",\"applying\":"
                        + progress.applying() + "}");
    }
}
