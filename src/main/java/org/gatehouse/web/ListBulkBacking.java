package org.gatehouse.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.ToIntFunction;
import org.gatehouse.identity.StepUpRequiredException;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.Labels;
import org.gatehouse.metadata.Operation;
import org.gatehouse.service.AccessChecks;
import org.gatehouse.service.ConflictException;
import org.gatehouse.service.ForbiddenException;
import org.gatehouse.service.WriteException;
import org.gatehouse.web.i18n.TextBean;
import org.omnifaces.util.Messages;
import org.primefaces.PrimeFaces;

/**
 * The list page's selection, and what the two kinds of bulk work on it share: a delete
 * ({@link BulkDeleteBacking}) and the view's actions ({@link BulkActionBacking}). Each row comes
 * with the version it was shown at, so a row changed since is a conflict; the service checks the
 * caller's permission on every call.
 */
@Named("listBulk")
@RequestScoped
public class ListBulkBacking {

    /** The layout's toasts, where done-notices go (warnings and errors stay in the page's messages). */
    static final String TOASTS = "toasts";

    @Inject
    private ListPageBacking page;

    @Inject
    private AccessChecks access;

    @Inject
    private FacesContext faces;

    private List<ListRow> selection = new ArrayList<>();
    private Boolean available;

    /** Whether the caller has anything to do with a selection here: only then the rows have checkboxes. */
    public boolean isAvailable() {
        if (available == null) {
            AdminView<?> view = page.getView();
            available = view != null && (access.can(view, Operation.DELETE) || mayRunAnAction(view));
        }
        return available;
    }

    private boolean mayRunAnAction(AdminView<?> view) {
        return view.actions().stream().anyMatch(a -> access.canRun(view, a.name()));
    }

    /**
     * Bulk buttons are only rendered for those who may use them; a postback naming one anyway is
     * a crafted request: answered 403 and recorded, not silently ignored.
     */
    public void guardPostback() {
        AdminView<?> view = page.getView();
        if (view == null) {
            return;
        }
        boolean mayDelete = access.can(view, Operation.DELETE);
        boolean mayRunAnAction = mayRunAnAction(view);
        for (String name : faces.getExternalContext().getRequestParameterMap().keySet()) {
            boolean delete = name.equals("list:deleteSelected") || name.equals("list:confirmDeleteSelected");
            boolean action = name.startsWith("list:") && name.endsWith(":action") || name.equals("list:confirmYes");
            if (delete && !mayDelete || action && !mayRunAnAction) {
                AdminPages.forbidden(faces);
                return;
            }
        }
    }

    /** With an empty selection: says to select rows first, and tells the page to open no dialog. */
    boolean nothingSelected() {
        if (selection.isEmpty()) {
            Messages.addGlobalWarn(TextBean.text("bulk.selectFirst"));
            PrimeFaces.current().ajax().addCallbackParam("nothingSelected", true);
        }
        return selection.isEmpty();
    }

    /**
     * Does a write to the selected rows, given their ids and the versions they were shown at, and
     * answers how many it changed. A refusal is told, not thrown: a conflict or a rule as an error
     * notice ({@code failed} names what did not happen), a missing permission as the refused page,
     * a missing recent sign-in as the step-up prompt that repeats {@code button}'s click.
     */
    OptionalInt write(String failed, String button, ToIntFunction<Map<String, Long>> work) {
        Map<String, Long> versions = new LinkedHashMap<>();
        selection.forEach(row -> versions.put(String.valueOf(row.getId()), row.getVersion()));
        try {
            int changed = work.applyAsInt(versions);
            selection = new ArrayList<>();
            return OptionalInt.of(changed);
        } catch (ConflictException e) {
            error(TextBean.text(failed, e.getText().text(TextBean.locale())));
        } catch (WriteException e) {
            error(TextBean.text(failed, e.getText().text(TextBean.locale())));
        } catch (ForbiddenException e) {
            AdminPages.refused(faces);
        } catch (StepUpRequiredException e) {
            StepUpPrompt.ask(faces, button);
        }
        return OptionalInt.empty();
    }

    /** A done-notice: a toast, whatever part of the page the request asked to render. */
    void done(String text) {
        Messages.addGlobalInfo(text);
        PrimeFaces.current().ajax().update(TOASTS);
    }

    void error(String text) {
        Messages.addGlobalError(text);
    }

    /** "order" for one, "orders" for more, as the view names its records in the reader's language. */
    String noun(long rows) {
        AdminView<?> view = page.getView();
        return Labels.noun(TextBean.locale(), view.label(), view.singularLabel(), rows);
    }

    public List<ListRow> getSelection() {
        return selection;
    }

    public void setSelection(List<ListRow> selection) {
        this.selection = selection;
    }
}
