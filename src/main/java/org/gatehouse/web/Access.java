package org.gatehouse.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.gatehouse.metadata.AdminRegistry;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.Operation;

/**
 * What the pages ask before showing a menu entry or a button. The same rules as the service
 * applies on every call; hiding a button here is a courtesy, not the check.
 */
@Named("can")
@RequestScoped
public class Access {

    @Inject
    private FacesContext faces;

    @Inject
    private AdminRegistry registry;

    private boolean inRole(String role) {
        return faces.getExternalContext().isUserInRole(role);
    }

    public boolean view(AdminView<?> view) {
        return view != null && view.allows(Operation.VIEW, this::inRole);
    }

    public boolean create(AdminView<?> view) {
        return view != null && view.allows(Operation.CREATE, this::inRole);
    }

    public boolean edit(AdminView<?> view) {
        return view != null && view.allows(Operation.EDIT, this::inRole);
    }

    public boolean delete(AdminView<?> view) {
        return view != null && view.allows(Operation.DELETE, this::inRole);
    }

    public boolean action(AdminView<?> view, String action) {
        return view != null && view.allowsAction(action, this::inRole);
    }

    /** Whether the caller may see any admin view at all (else the admin menu is not shown). */
    public boolean anyView() {
        return registry.views().stream().anyMatch(this::view);
    }
}
