package org.gatehouse.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.gatehouse.identity.StepUpRequiredException;
import org.gatehouse.metadata.AdminRegistry;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.Labels;
import org.gatehouse.metadata.PropertyDescriptor;
import org.gatehouse.service.EntityService;
import org.gatehouse.service.ForbiddenException;
import org.gatehouse.service.Trash;
import org.gatehouse.service.WriteException;
import org.gatehouse.web.i18n.TextBean;
import org.omnifaces.util.Messages;
import org.primefaces.PrimeFaces;

/**
 * The trash page of a view, {@code /admin/{view}/trash?q=…&page=…}: the records deleted into it,
 * newest first, with who deleted them when; Restore and Delete forever per row and for the ticked
 * rows. The page's state is its address; the rows are read from it on every request, a postback
 * included, and the service checks every call.
 */
@Named("trashPage")
@RequestScoped
public class TrashPageBacking {

    static final int PAGE_SIZE = 50;
    /** The request parameters of the ticked rows and of a row's own button. */
    static final String PICKED = "picked";

    static final String ONE = "one";

    @Inject
    private FacesContext faces;

    @Inject
    private AdminRegistry registry;

    @Inject
    private EntityService service;

    @Inject
    private Trash trash;

    private boolean resolved;
    private AdminView<?> view;
    private Trash.Page rows;
    private TrashAddress address = new TrashAddress(null, 1);

    /** For the page's {@code f:viewAction}: 404 for a view without a trash, 403 for who may not delete, 400 for a bad page. */
    public void check() {
        if (view() != null && rows == null) {
            load();
        }
    }

    private AdminView<?> view() {
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
                view = service.viewFor(named);
                address = parsed;
            }
        }
        return view;
    }

    private void load() {
        try {
            rows = trash.list(view, address.search(), address.offset(PAGE_SIZE), PAGE_SIZE);
        } catch (ForbiddenException | jakarta.ejb.EJBAccessException e) {
            AdminPages.refused(faces);
        }
    }

    /** Restores the row of the button ({@value #ONE}) or the ticked rows ({@value #PICKED}). */
    public void restore(String parameter) {
        act(true, parameter, parameter.equals(ONE) ? "trash:rows:" : "trash:restorePicked");
    }

    /** Deletes forever the row of the button ({@value #ONE}) or the ticked rows ({@value #PICKED}). */
    public void purge(String parameter) {
        act(false, parameter, parameter.equals(ONE) ? "trash:rows:" : "trash:confirmPurgePicked");
    }

    private void act(boolean restore, String parameter, String button) {
        if (view() == null) {
            return;
        }
        List<Long> ids = RequestValues.ids(List.of(parameter)).orElse(null);
        if (ids == null) {
            AdminPages.badRequest(faces, "trash ids in " + parameter);
            return;
        }
        try {
            if (ids.isEmpty()) {
                Messages.addGlobalWarn(TextBean.text("bulk.selectFirst"));
            } else {
                int done = restore ? trash.restore(view, ids) : trash.purge(view, ids);
                String noun = Labels.noun(TextBean.locale(), view.label(), view.singularLabel(), done);
                Messages.addGlobalInfo(TextBean.text(restore ? "trash.restored" : "trash.purged", done, noun));
                PrimeFaces.current().ajax().update(ListBulkBacking.TOASTS);
            }
        } catch (WriteException e) {
            Messages.addGlobalError(
                    TextBean.text(restore ? "trash.notRestored" : "trash.notPurged", Refusals.text(view, e)));
        } catch (ForbiddenException | jakarta.ejb.EJBAccessException e) {
            AdminPages.refused(faces);
            return;
        } catch (StepUpRequiredException e) {
            StepUpPrompt.ask(
                    faces,
                    faces.getExternalContext().getRequestParameterMap().getOrDefault("jakarta.faces.source", button));
        }
        load();
    }

    public AdminView<?> getView() {
        return view;
    }

    /** The page's rows, read once per request: on a postback the row buttons are found among them. */
    public List<Trash.Item> getItems() {
        if (rows == null && !faces.getResponseComplete() && view() != null) {
            load();
        }
        return rows == null ? List.of() : rows.items();
    }

    public long getTotal() {
        return getItems().isEmpty() && rows == null ? 0 : rows.total();
    }

    /** The list's columns as the caller sees them, after the title: what each row shows of the record. */
    public List<PropertyDescriptor> getColumns() {
        return view == null
                ? List.of()
                : view.columns().stream()
                        .filter(column -> !column.name().equals(view.titleProperty()))
                        .limit(4)
                        .toList();
    }

    /** The heading of the title column: the label of the view's title property. */
    public String getTitleLabel() {
        return view == null
                ? ""
                : view.property(view.titleProperty())
                        .map(PropertyDescriptor::label)
                        .orElse(view.titleProperty());
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
