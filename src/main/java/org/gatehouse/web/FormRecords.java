package org.gatehouse.web;

import jakarta.faces.context.FacesContext;
import java.util.Optional;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.Operation;
import org.gatehouse.service.AccessChecks;
import org.gatehouse.service.EntityLookups;

/**
 * The record a form opens: a new one of the view's type, or the stored one its address names. A
 * view without creates (or edits) has no such form, 404; who may not create (or edit) gets 403.
 */
final class FormRecords {

    private FormRecords() {}

    /** The record to edit; empty when the response is already a 404 or a 403. */
    static Optional<Object> open(
            FacesContext faces, AccessChecks access, EntityLookups lookups, AdminView<?> view, AdminPath path) {
        boolean creating = path.mode() == AdminPath.Mode.CREATE;
        if (creating ? !view.creatable() : !view.editable()) {
            AdminPages.notFound(faces);
            return Optional.empty();
        }
        if (!access.can(view, creating ? Operation.CREATE : Operation.EDIT)) {
            AdminPages.forbidden(faces);
            return Optional.empty();
        }
        Optional<Object> record = creating
                ? Optional.of(newRecord(view.type()))
                : lookups.find(view, path.id()).map(Object.class::cast);
        if (record.isEmpty()) {
            AdminPages.notFound(faces);
        }
        return record;
    }

    /** A new record of the view's type, for the create form (entities keep a no-argument constructor for JPA). */
    static Object newRecord(Class<?> type) {
        try {
            var constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type.getName() + " needs a no-argument constructor", e);
        }
    }
}
