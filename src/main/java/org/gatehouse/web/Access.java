package org.gatehouse.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.gatehouse.metadata.AdminRegistry;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.Operation;
import org.gatehouse.service.AccessChecks;

/**
 * What the pages ask before showing a menu entry or a button: the service's own answer (with the
 * grants an admin edited on a role's Permissions tab). Hiding a button here is a courtesy, not the
 * check; the service applies the same rules on every call.
 */
@Named("can")
@RequestScoped
public class Access {

    @Inject
    private FacesContext faces;

    @Inject
    private AdminRegistry registry;

    @Inject
    private AccessChecks access;

    private final java.util.Map<String, Boolean> answers = new java.util.HashMap<>();

    /** Only callers in an admin-area role reach the service at all; anyone else may do nothing. */
    private boolean inAdminArea() {
        return org.gatehouse.metadata.Roles.ADMIN_AREA.stream().anyMatch(faces.getExternalContext()::isUserInRole);
    }

    private boolean may(AdminView<?> view, Operation operation) {
        return view != null
                && answers.computeIfAbsent(
                        view.name() + ":" + operation, key -> inAdminArea() && ask(() -> access.can(view, operation)));
    }

    /**
     * The service's answer; none while the database is unavailable, so that the page saying so
     * (which shows the menu too) renders instead of failing on the menu's questions.
     */
    private static boolean ask(java.util.function.BooleanSupplier question) {
        try {
            return question.getAsBoolean();
        } catch (RuntimeException e) {
            if (org.gatehouse.ops.DatabaseUnavailableException.isCause(e)) {
                return false;
            }
            throw e;
        }
    }

    public boolean view(AdminView<?> view) {
        return may(view, Operation.VIEW);
    }

    public boolean create(AdminView<?> view) {
        return may(view, Operation.CREATE);
    }

    public boolean edit(AdminView<?> view) {
        return may(view, Operation.EDIT);
    }

    public boolean delete(AdminView<?> view) {
        return may(view, Operation.DELETE);
    }

    public boolean action(AdminView<?> view, String action) {
        return view != null
                && answers.computeIfAbsent(
                        view.name() + ":action:" + action,
                        key -> inAdminArea() && ask(() -> access.canRun(view, action)));
    }

    /** Whether the caller may see any admin view at all (else the admin menu is not shown). */
    public boolean anyView() {
        return registry.views().stream().anyMatch(this::view);
    }
}
