package org.gatehouse.web;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.gatehouse.metadata.AdminRegistry;
import org.gatehouse.metadata.AdminView;

/** What every generic admin page does first: find the view named in its URL, or answer 404. */
final class AdminPages {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(AdminPages.class.getName());

    /**
     * Where the pages of the console live: inside WEB-INF, so that no page file is reachable by its
     * own name and no folder of the WAR shares a name with a console address (the container would
     * answer such a folder's name with a redirect of its own, built from the request's Host header).
     */
    static final String VIEWS = "/WEB-INF/views";

    private AdminPages() {}

    static AdminPath path(FacesContext faces) {
        return (AdminPath) faces.getExternalContext().getRequestMap().get(AdminPath.ATTRIBUTE);
    }

    /**
     * The view named in the URL if the caller may perform the operation on it; otherwise the
     * response is already a 404 (no such view) or a 403 (not allowed) and this is empty.
     */
    static Optional<AdminView<?>> permittedView(
            FacesContext faces,
            AdminRegistry registry,
            org.gatehouse.service.AccessChecks access,
            org.gatehouse.metadata.Operation operation) {
        Optional<AdminView<?>> view = viewOrNotFound(faces, registry);
        if (view.isPresent() && !access.can(view.get(), operation)) {
            forbidden(faces);
            return Optional.empty();
        }
        // as the caller may see it: without the properties hidden from them
        return view.map(access::viewFor);
    }

    static Optional<AdminView<?>> viewOrNotFound(FacesContext faces, AdminRegistry registry) {
        AdminPath path = path(faces);
        Optional<AdminView<?>> view = path == null ? Optional.empty() : registry.view(path.view());
        if (view.isEmpty()) {
            notFound(faces);
        }
        return view;
    }

    /** Answers 403 (the styled access-denied page, nothing of the record) and records the attempt. */
    static void forbidden(FacesContext faces) {
        ExternalContext external = faces.getExternalContext();
        String who = external.getRemoteUser();
        String what = ((jakarta.servlet.http.HttpServletRequest) external.getRequest()).getMethod() + " "
                + external.getRequestMap()
                        .getOrDefault(
                                jakarta.servlet.RequestDispatcher.FORWARD_REQUEST_URI,
                                external.getRequestServletPath());
        LOG.warning(() -> "Forbidden: " + who + " " + what);
        jakarta.enterprise
                .inject
                .spi
                .CDI
                .current()
                .select(org.gatehouse.audit.AuditLog.class)
                .get()
                .securityEvent(org.gatehouse.audit.AuditAction.FORBIDDEN, who, what);
        refused(faces);
    }

    /**
     * Answers 403 for a refusal the service has already logged and recorded; unless the page has
     * answered already (a record out of the caller's reach is a 404, as a missing one): that answer
     * stands, a second one would fail the request.
     */
    static void refused(FacesContext faces) {
        if (faces.getResponseComplete()) {
            return;
        }
        try {
            faces.getExternalContext().responseSendError(403, "Forbidden");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }

    /** Answers 400 to a request no page of ours sends (crafted paging and the like): one log line, no trace. */
    static void badRequest(FacesContext faces, String why) {
        LOG.info(() -> "request=" + org.gatehouse.ops.RequestId.current() + " refused with 400: " + why);
        try {
            faces.getExternalContext().responseSendError(400, "Bad request");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }

    static void notFound(FacesContext faces) {
        try {
            faces.getExternalContext().responseSendError(404, "Not found");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }

    /**
     * The query string of the address the page was asked for (the state of a list), also on a
     * postback, whose form posts to that address: never the posted fields.
     */
    static String query(FacesContext faces) {
        Object query =
                faces.getExternalContext().getRequestMap().get(jakarta.servlet.RequestDispatcher.FORWARD_QUERY_STRING);
        return query == null ? "" : query.toString();
    }

    static String adminUrl(FacesContext faces, String path) {
        ExternalContext external = faces.getExternalContext();
        return external.getRequestContextPath() + "/admin/" + path;
    }
}
