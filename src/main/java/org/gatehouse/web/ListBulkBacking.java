package org.gatehouse.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gatehouse.i18n.Texts;
import org.gatehouse.identity.StepUpRequiredException;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.BulkAction;
import org.gatehouse.metadata.Labels;
import org.gatehouse.metadata.Operation;
import org.gatehouse.service.ConflictException;
import org.gatehouse.service.DeleteCheck;
import org.gatehouse.service.EntityService;
import org.gatehouse.service.ForbiddenException;
import org.gatehouse.service.WriteException;
import org.gatehouse.web.i18n.TextBean;
import org.primefaces.PrimeFaces;

/**
 * The list page's selection and what it does to the selected rows: a delete confirmed in a dialog
 * that counts the rows and, when some are still in use, names them and offers no Delete; and the
 * view's bulk actions, confirmed with the number of rows they change. Each row comes with the
 * version it was shown at, so a row changed since is a conflict; the service checks the caller's
 * permission on every call.
 */
@Named("listBulk")
@RequestScoped
public class ListBulkBacking {

    /** The request parameter the action dialog's confirm button names its action with. */
    static final String ACTION_PARAMETER = "bulkAction";
    /** The layout's toasts, where done-notices go (warnings and errors stay in the page's messages). */
    static final String TOASTS = "toasts";

    @Inject
    private ListPageBacking page;

    @Inject
    private EntityService service;

    @Inject
    private FacesContext faces;

    @Inject
    private Formatter formatter;

    private List<ListRow> selection = new ArrayList<>();
    private List<InUse> inUse = List.of();
    private String unlinks = "";
    private String deletes = "";
    private String pendingAction;
    private Boolean available;

    /** A selected record the delete would fail on, and what still refers to it ("10 orders"). */
    public record InUse(String title, String usage) {}

    /** Whether the caller has anything to do with a selection here: only then the rows have checkboxes. */
    public boolean isAvailable() {
        if (available == null) {
            AdminView<?> view = page.getView();
            available = view != null
                    && (service.can(view, Operation.DELETE)
                            || view.actions().stream().anyMatch(a -> service.canRun(view, a.name())));
        }
        return available;
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
        boolean mayDelete = service.can(view, Operation.DELETE);
        boolean mayRunAnAction = view.actions().stream().anyMatch(a -> service.canRun(view, a.name()));
        for (String name : faces.getExternalContext().getRequestParameterMap().keySet()) {
            boolean delete = name.equals("list:deleteSelected") || name.equals("list:confirmDeleteSelected");
            boolean action = name.startsWith("list:") && name.endsWith(":action") || name.equals("list:confirmYes");
            if (delete && !mayDelete || action && !mayRunAnAction) {
                AdminPages.forbidden(faces);
                return;
            }
        }
    }

    /** Finds out, for the confirmation dialog, whether the selected rows can be deleted and what else it affects. */
    public void prepareDelete() {
        if (nothingSelected()) {
            return;
        }
        AdminView<?> view = page.getView();
        DeleteCheck all;
        try {
            all = service.deleteCheck(view, selectedIds().keySet());
        } catch (WriteException refused) {
            // a crafted selection larger than any page: say so, open no dialog
            notice(FacesMessage.SEVERITY_ERROR, refused.getText().text(TextBean.locale()));
            PrimeFaces.current().ajax().addCallbackParam("nothingSelected", true);
            return;
        }
        unlinks = formatter.usages(all.with(DeleteCheck.Effect.UNLINKS));
        deletes = formatter.usages(all.with(DeleteCheck.Effect.DELETES));
        if (!all.blocked()) {
            return;
        }
        // which of them: one check per selected row (a page at most), only when some are in use
        List<InUse> found = new ArrayList<>();
        for (ListRow row : selection) {
            String id = String.valueOf(row.getId());
            DeleteCheck check = service.deleteCheck(view, List.of(id));
            if (check.blocked()) {
                String title = service.find(view, id)
                        .map(entity -> formatter.title(entity, view))
                        .orElse("");
                found.add(new InUse(title.isBlank() ? "#" + id : title, formatter.usages(check.blocking())));
            }
        }
        inUse = found;
    }

    public void deleteSelected() {
        if (nothingSelected()) {
            return;
        }
        try {
            int deleted = service.deleteAll(page.getView(), selectedIds());
            notice(FacesMessage.SEVERITY_INFO, TextBean.text("bulk.deleted", deleted, noun(deleted)));
            selection = new ArrayList<>();
        } catch (ConflictException e) {
            notice(
                    FacesMessage.SEVERITY_ERROR,
                    TextBean.text("bulk.notDeleted", e.getText().text(TextBean.locale())));
        } catch (WriteException e) {
            notice(
                    FacesMessage.SEVERITY_ERROR,
                    TextBean.text("bulk.notDeleted", e.getText().text(TextBean.locale())));
        } catch (ForbiddenException e) {
            AdminPages.refused(faces);
        } catch (StepUpRequiredException e) {
            StepUpPrompt.ask(faces, "list:confirmDeleteSelected");
        }
    }

    /** Remembers the chosen action for its confirmation dialog, which says how many rows it changes. */
    public void prepareAction(String name) {
        if (!nothingSelected()) {
            pendingAction = page.getView().action(name).map(BulkAction::name).orElse(null);
        }
    }

    /** Runs the action the confirmation dialog names (the service checks it exists and is allowed). */
    public void runAction() {
        if (nothingSelected()) {
            return;
        }
        AdminView<?> view = page.getView();
        String name = faces.getExternalContext().getRequestParameterMap().get(ACTION_PARAMETER);
        try {
            int changed = service.runAction(view, name == null ? "" : name, selectedIds());
            String label = view.action(name)
                    .map(a -> Texts.label(TextBean.locale(), a.label()))
                    .orElse(name);
            notice(FacesMessage.SEVERITY_INFO, TextBean.text("bulk.actionDone", label, changed, noun(changed)));
            selection = new ArrayList<>();
        } catch (ConflictException e) {
            notice(
                    FacesMessage.SEVERITY_ERROR,
                    TextBean.text("bulk.notChanged", e.getText().text(TextBean.locale())));
        } catch (WriteException e) {
            notice(
                    FacesMessage.SEVERITY_ERROR,
                    TextBean.text("bulk.notChanged", e.getText().text(TextBean.locale())));
        } catch (ForbiddenException e) {
            AdminPages.refused(faces);
        } catch (StepUpRequiredException e) {
            StepUpPrompt.ask(faces, "list:confirmYes");
        }
    }

    private boolean nothingSelected() {
        if (selection.isEmpty()) {
            notice(FacesMessage.SEVERITY_WARN, TextBean.text("bulk.selectFirst"));
            PrimeFaces.current().ajax().addCallbackParam("nothingSelected", true);
        }
        return selection.isEmpty();
    }

    private void notice(FacesMessage.Severity severity, String text) {
        faces.addMessage(null, new FacesMessage(severity, text, null));
        if (severity == FacesMessage.SEVERITY_INFO) {
            // done: a toast, whatever part of the page the request asked to render
            PrimeFaces.current().ajax().update(TOASTS);
        }
    }

    /** "order" for one, "orders" for more, as the view names its records in the reader's language. */
    private String noun(long rows) {
        AdminView<?> view = page.getView();
        return Labels.noun(TextBean.locale(), view.label(), view.singularLabel(), rows);
    }

    /** The selected rows with the versions they were shown at. */
    private Map<String, Long> selectedIds() {
        Map<String, Long> versions = new LinkedHashMap<>();
        selection.forEach(row -> versions.put(String.valueOf(row.getId()), row.getVersion()));
        return versions;
    }

    /** The delete dialog's title: "Delete selected orders". */
    public String getDeleteTitle() {
        return TextBean.text("bulk.delete.title", noun(2));
    }

    /** "Delete 2 selected orders? This cannot be undone." */
    public String getDeleteQuestion() {
        return TextBean.text("bulk.delete.question", selection.size(), noun(selection.size()));
    }

    /** "2 selected customers are still in use, so nothing can be deleted:" */
    public String getInUseText() {
        return TextBean.text("bulk.delete.inUse", inUse.size(), noun(inUse.size()));
    }

    /** "They are still in use: 3 users. Deleting them removes them from those records.", or null. */
    public String getUnlinksText() {
        return unlinks.isEmpty() ? null : TextBean.text("bulk.delete.unlinks", unlinks);
    }

    /** "Deleting them also deletes: 4 sessions.", or null. */
    public String getDeletesText() {
        return deletes.isEmpty() ? null : TextBean.text("bulk.delete.deletes", deletes);
    }

    /** Whether some selected rows are in use: the dialog then explains and offers no Delete. */
    public boolean isDeleteBlocked() {
        return !inUse.isEmpty();
    }

    public List<InUse> getInUse() {
        return inUse;
    }

    public String getPendingAction() {
        return pendingAction;
    }

    /** The chosen action's button text, "Mark shipped". */
    public String getActionLabel() {
        return action().map(a -> Texts.label(TextBean.locale(), a.label())).orElse("");
    }

    /**
     * The chosen action's question with the number of rows: a declared text may place the number
     * ({@code {0}}) and the noun that goes with it ({@code {1}}) itself ("Mark 3 orders as
     * shipped?"); otherwise the count follows the question ("3 orders selected.").
     */
    public String getActionQuestion() {
        return action().map(a -> question(a.confirm(), selection.size(), noun(selection.size()), TextBean.locale()))
                .orElse("");
    }

    static String question(String confirm, int count, String noun, Locale locale) {
        String pattern = Texts.label(locale, confirm);
        if (pattern != null && pattern.contains("{0")) {
            try {
                return new MessageFormat(pattern.replace("'", "''"), locale).format(new Object[] {count, noun});
            } catch (IllegalArgumentException notAPattern) {
                // braces that are not placeholders: the text as it is, and the count after it
            }
        }
        return (pattern == null ? "" : pattern + " ") + Texts.format(locale, "bulk.action.selected", count, noun);
    }

    private java.util.Optional<? extends BulkAction<?>> action() {
        AdminView<?> view = page.getView();
        return pendingAction == null || view == null ? java.util.Optional.empty() : view.action(pendingAction);
    }

    public List<ListRow> getSelection() {
        return selection;
    }

    public void setSelection(List<ListRow> selection) {
        this.selection = selection;
    }
}
