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

    private AdminPages() {
    }

    static AdminPath path(FacesContext faces) {
        return (AdminPath) faces.getExternalContext().getRequestMap().get(AdminPath.ATTRIBUTE);
    }

    static Optional<AdminView<?>> viewOrNotFound(FacesContext faces, AdminRegistry registry) {
        AdminPath path = path(faces);
        Optional<AdminView<?>> view = path == null ? Optional.empty() : registry.view(path.view());
        if (view.isEmpty()) {
            notFound(faces);
        }
        return view;
    }

    /** Answers 403: the styled access-denied page, nothing of the record. */
    static void forbidden(FacesContext faces) {
        try {
            faces.getExternalContext().responseSendError(403, "Forbidden");
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

    static String adminUrl(FacesContext faces, String path) {
        ExternalContext external = faces.getExternalContext();
        return external.getRequestContextPath() + "/admin/" + path;
    }
}
