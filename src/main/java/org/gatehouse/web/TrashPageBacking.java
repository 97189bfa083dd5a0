package org.gatehouse.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    private int page = 1;

    /** For the page's {@code f:viewAction}: 404 for a view without a trash, 403 for who may not delete, 400 for a bad page. */
    public void check() {
        if (view() != null && rows == null) {
            load();
        }
    }

    private AdminView<?> view() {
        if (resolved) {
            return view;
        }
        resolved = true;
        AdminView<?> named = AdminPages.viewOrNotFound(faces, registry).orElse(null);
        if (named == null) {
            return null;
        }
        if (!registry.keepsTrash(named)) {
            AdminPages.notFound(faces);
            return null;
        }
        if (!trash.available(named)) {
            AdminPages.forbidden(faces);
            return null;
        }
        view = service.viewFor(named);
        String asked = param("page");
        if (asked != null && !asked.matches("[1-9][0-9]{0,5}")) {
            AdminPages.badRequest(faces, "trash page " + asked);
            view = null;
            return null;
        }
        page = asked == null ? 1 : Integer.parseInt(asked);
        return view;
    }

    private void load() {
        try {
            rows = trash.list(view, param("q"), (page - 1) * PAGE_SIZE, PAGE_SIZE);
        } catch (ForbiddenException | jakarta.ejb.EJBAccessException e) {
            AdminPages.refused(faces);
        }
    }

    public void restoreOne() {
        act(true, List.of(ONE), "trash:rows:");
    }

    public void purgeOne() {
        act(false, List.of(ONE), "trash:rows:");
    }

    public void restorePicked() {
        act(true, List.of(PICKED), "trash:restorePicked");
    }

    public void purgePicked() {
        act(false, List.of(PICKED), "trash:confirmPurgePicked");
    }

    private void act(boolean restore, List<String> parameters, String button) {
        if (view() == null) {
            return;
        }
        List<Long> ids = new ArrayList<>();
        Map<String, String[]> posted = faces.getExternalContext().getRequestParameterValuesMap();
        for (String parameter : parameters) {
            for (String value : posted.getOrDefault(parameter, new String[0])) {
                if (!value.matches("[0-9]{1,18}")) {
                    AdminPages.badRequest(faces, "trash id " + value);
                    return;
                }
                ids.add(Long.valueOf(value));
            }
        }
        if (ids.isEmpty()) {
            notice(FacesMessage.SEVERITY_WARN, TextBean.text("bulk.selectFirst"));
            load();
            return;
        }
        try {
            int done = restore ? trash.restore(view, ids) : trash.purge(view, ids);
            String noun = Labels.noun(TextBean.locale(), view.label(), view.singularLabel(), done);
            notice(FacesMessage.SEVERITY_INFO, TextBean.text(restore ? "trash.restored" : "trash.purged", done, noun));
        } catch (WriteException e) {
            String text = e.getText().text(TextBean.locale());
            String field = e.getField() == null ? null : view.property(e.getField())
                    .map(p -> org.gatehouse.i18n.Texts.label(TextBean.locale(), p.label())).orElse(null);
            notice(FacesMessage.SEVERITY_ERROR, TextBean.text(restore ? "trash.notRestored" : "trash.notPurged",
                    field == null ? text : field + ": " + text));
        } catch (ForbiddenException | jakarta.ejb.EJBAccessException e) {
            AdminPages.refused(faces);
            return;
        } catch (StepUpRequiredException e) {
            StepUpPrompt.ask(faces, faces.getExternalContext().getRequestParameterMap().getOrDefault("jakarta.faces.source", button));
        }
        load();
    }

    private void notice(FacesMessage.Severity severity, String text) {
        faces.addMessage(null, new FacesMessage(severity, text, null));
        if (severity == FacesMessage.SEVERITY_INFO) {
            PrimeFaces.current().ajax().update(ListBulkBacking.TOASTS);
        }
    }

    private String param(String name) {
        String value = faces.getExternalContext().getRequestParameterMap().get(name);
        return value == null || value.isBlank() ? null : value;
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
        return view == null ? List.of() : view.columns().stream()
                .filter(column -> !column.name().equals(view.titleProperty())).limit(4).toList();
    }

    /** The heading of the title column: the label of the view's title property. */
    public String getTitleLabel() {
        return view == null ? "" : view.property(view.titleProperty()).map(PropertyDescriptor::label).orElse(view.titleProperty());
    }

    public String getSearch() {
        String q = param("q");
        return q == null ? "" : q;
    }

    public int getPage() {
        return page;
    }

    public boolean isHasNext() {
        return (long) page * PAGE_SIZE < getTotal();
    }

    /** The address of another page of this trash, the search kept. */
    public String pageUrl(int number) {
        String q = param("q");
        return AdminPages.adminUrl(faces, view.name() + "/trash?page=" + number
                + (q == null ? "" : "&q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8)));
    }
}
