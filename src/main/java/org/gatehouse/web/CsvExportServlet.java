package org.gatehouse.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.gatehouse.i18n.Texts;
import org.gatehouse.metadata.AdminRegistry;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.PropertyDescriptor;
import org.gatehouse.persistence.BaseEntity;
import org.gatehouse.service.AccessChecks;
import org.gatehouse.service.EntityLists;
import org.gatehouse.service.ListRequest;
import org.gatehouse.web.i18n.Language;

/**
 * {@code /admin/{view}/export.csv?…}: the whole filtered result of a list as CSV, with the list's
 * columns (headed in the reader's language; values as plain as a spreadsheet reads them back).
 * Rows are read in id-ordered batches, each in its own transaction, and written as they come, so
 * neither the server's memory nor a transaction grows with the table.
 * <p>
 * The list page tells the reader when the download has begun: its script adds a token
 * ({@code download=…}) and watches for the short-lived cookie {@value #COOKIE} with that token,
 * which comes with the response's headers.
 */
@WebServlet(name = "CsvExport", urlPatterns = CsvExportServlet.PATH)
public class CsvExportServlet extends HttpServlet {

    static final String PATH = "/export-csv";
    private static final long serialVersionUID = 1L;
    private static final int BATCH = 1_000;
    /** The parameter that carries the page's token; not part of the list state. */
    static final String DOWNLOAD_PARAMETER = "download";
    /** The cookie that says a download with a token has begun; the page's script reads it. */
    static final String COOKIE = "gatehouse.export";

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9]{1,32}");

    @Inject
    private AdminRegistry registry;

    @Inject
    private AccessChecks access;

    @Inject
    private EntityLists lists;

    @Inject
    private Formatter formatter;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            export(request, response);
        } catch (org.gatehouse.service.ForbiddenException e) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        } catch (org.gatehouse.identity.StepUpRequiredException e) {
            // refused before the first row was written: confirm, then come back to this very export
            response.reset();
            Object uri = request.getAttribute(jakarta.servlet.RequestDispatcher.FORWARD_REQUEST_URI);
            Object query = request.getAttribute(jakarta.servlet.RequestDispatcher.FORWARD_QUERY_STRING);
            String self = (uri == null ? request.getRequestURI() : uri) + (query == null ? "" : "?" + query);
            response.sendRedirect(request.getContextPath() + "/account/confirm?continue="
                    + java.net.URLEncoder.encode(self, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private void export(HttpServletRequest request, HttpServletResponse response) throws IOException {
        AdminPath path = (AdminPath) request.getAttribute(AdminPath.ATTRIBUTE);
        AdminView<?> declared = path == null ? null : registry.view(path.view()).orElse(null);
        if (declared == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        // the columns the caller may see; a request naming a hidden one is refused by the service
        AdminView<?> view = access.viewFor(declared);
        Map<String, String> parameters = new HashMap<>();
        request.getParameterMap().forEach((key, values) -> parameters.put(key, values.length == 0 ? null : values[0]));
        String token = parameters.remove(DOWNLOAD_PARAMETER);
        ListRequest list = ListRequest.parse(view, parameters).request();
        // refuse before the first byte when the caller may not read this view
        if (!access.can(view, org.gatehouse.metadata.Operation.VIEW)) {
            lists.count(view, ListRequest.defaults(view)); // refused and recorded by the service
        }
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(
                "Content-Disposition", "attachment; filename=\"" + view.name() + "-" + LocalDate.now() + ".csv\"");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Security-Policy", SecurityHeadersFilter.NON_PAGE_POLICY);
        if (token != null && TOKEN.matcher(token).matches()) {
            // sent with the headers, before the first row: a refusal before it (reset) takes it back
            response.addHeader(
                    "Set-Cookie",
                    COOKIE + "=" + token + "; Path=" + cookiePath(request) + "; Max-Age=60" + "; SameSite=Lax"
                            + (request.isSecure() ? "; Secure" : ""));
        }
        PrintWriter out = response.getWriter();
        write(out, view, list, Language.of(request));
        out.flush();
    }

    /** The page's script reads the cookie: it must reach every page of the application. */
    private static String cookiePath(HttpServletRequest request) {
        return request.getContextPath().isEmpty() ? "/" : request.getContextPath();
    }

    private <E> void write(PrintWriter out, AdminView<E> view, ListRequest list, Locale locale) {
        List<PropertyDescriptor> columns = view.columns();
        out.print(csv("id"));
        columns.stream()
                .filter(c -> !c.name().equals("id"))
                .forEach(c -> out.print("," + csv(Texts.label(locale, c.label()))));
        out.print("\r\n");
        Long after = null;
        while (true) {
            List<E> rows = lists.exportBatch(view, list, after, BATCH);
            for (E row : rows) {
                out.print(csv(String.valueOf(((BaseEntity) row).getId())));
                columns.stream()
                        .filter(c -> !c.name().equals("id"))
                        .forEach(c -> out.print("," + csv(formatter.text(row, c))));
                out.print("\r\n");
            }
            if (rows.size() < BATCH) {
                return;
            }
            after = (Long) ((BaseEntity) rows.get(rows.size() - 1)).getId();
        }
    }

    /**
     * Quotes a cell, and defuses values a spreadsheet would run as a formula.
     */
    static String csv(String value) {
        String text = value == null ? "" : value;
        // a text that already begins with the defusing quote gets one more, so an import reads it back as it was
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0
                || text.length() > 1 && text.charAt(0) == '\'' && "=+-@\t\r'".indexOf(text.charAt(1)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",")
                || text.contains("\"")
                || text.contains("\n")
                || text.contains("\r")
                || text.startsWith("'")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
