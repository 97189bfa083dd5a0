package org.gatehouse.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.gatehouse.metadata.AdminRegistry;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.service.AccessChecks;
import org.gatehouse.service.ForbiddenException;
import org.gatehouse.service.Trash;

/**
 * The trash page of a view, {@code /admin/{view}/trash?q=…&page=…}: the records deleted into it,
 * newest first, with who deleted them when; Restore and Delete forever per row and for the ticked
 * rows ({@link TrashActions}). The page's state is its address; the rows are read from it on every request, a postback
 * included, and the service checks every call.
 */
@Named("trashPage")
@RequestScoped
public class TrashPageBacking {

    static final int PAGE_SIZE = 50;

    @Inject
    private FacesContext faces;

    @Inject
    private AdminRegistry registry;

    @Inject
    private AccessChecks access;

    @Inject
    private Trash trash;

    private boolean resolved;
    private AdminView<?> view;
    private Trash.Page rows;
    private TrashAddress address = new TrashAddress(null, 1);

    /** For the page's {@code f:viewAction}: 404 for a view without a trash, 403 for who may not delete, 400 for a bad page. */
    public void check() {
        getItems();
    }

    /** The view named in the address as the caller sees it; null once the response is a 404, 403 or 400. */
    AdminView<?> resolvedView() {
        if (!resolved) {
            resolved = true;
            AdminView<?> named = AdminPages.viewOrNotFound(faces, registry).orElse(null);
            String asked = RequestValues.param("page");
            TrashAddress parsed =
                    TrashAddress.parse(RequestValues.param("q"), asked).orElse(null);
            if (named != null && !registry.keepsTrash(named)) {
                AdminPages.notFound(faces);
            } else if (named != null && !trash.available(named)) {
                AdminPages.forbidden(faces);
            } else if (named != null && parsed == null) {
                AdminPages.badRequest(faces, "trash page " + asked);
            } else if (named != null) {
                view = access.viewFor(named);
                address = parsed;
            }
        }
        return view;
    }

    /** Reads the page's rows (again, after a restore or a delete forever). */
    void load() {
        try {
            rows = trash.list(view, address.search(), address.offset(PAGE_SIZE), PAGE_SIZE);
        } catch (ForbiddenException | jakarta.ejb.EJBAccessException e) {
            AdminPages.refused(faces);
        }
    }

    public AdminView<?> getView() {
        return view;
    }

    /** The page's rows, read once per request: on a postback the row buttons are found among them. */
    public List<Trash.Item> getItems() {
        if (rows == null && !faces.getResponseComplete() && resolvedView() != null) {
            load();
        }
        return rows == null ? List.of() : rows.items();
    }

    public long getTotal() {
        return getItems().isEmpty() && rows == null ? 0 : rows.total();
    }

    /** The table's head and the page's words after an action, for the view as the caller sees it. */
    public TrashTable getTable() {
        return new TrashTable(view);
    }

    public String getSearch() {
        return address.search() == null ? "" : address.search();
    }

    public int getPage() {
        return address.page();
    }

    public boolean isHasNext() {
        return (long) address.page() * PAGE_SIZE < getTotal();
    }

    /** The address of another page of this trash, the search kept. */
    public String pageUrl(int number) {
        return AdminPages.adminUrl(faces, address.path(view.name(), number));
    }
}
