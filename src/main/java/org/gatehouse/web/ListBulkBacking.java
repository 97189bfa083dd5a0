package org.gatehouse.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.Operation;
import org.gatehouse.service.ConflictException;
import org.gatehouse.service.EntityService;
import org.gatehouse.service.ForbiddenException;
import org.gatehouse.service.WriteException;

/**
 * The list page's selection and what it does to the selected rows: a confirmed delete (with what
 * still uses them) and the view's bulk actions. Each row comes with the version it was shown at,
 * so a row changed since is a conflict; the service checks the caller's permission on every call.
 */
@Named("listBulk")
@RequestScoped
public class ListBulkBacking {

    @Inject
    private ListPageBacking page;

    @Inject
    private EntityService service;

    @Inject
    private FacesContext faces;

    private List<ListRow> selection = new ArrayList<>();
    private List<String> deleteUsage = List.of();

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
        boolean mayRunAnAction = view.actions().stream()
                .anyMatch(a -> view.allowsAction(a.name(), faces.getExternalContext()::isUserInRole));
        for (String name : faces.getExternalContext().getRequestParameterMap().keySet()) {
            boolean delete = name.equals("list:deleteSelected") || name.equals("list:confirmDeleteSelected");
            boolean action = name.startsWith("list:") && name.endsWith(":action");
            if (delete && !mayDelete || action && !mayRunAnAction) {
                AdminPages.forbidden(faces);
                return;
            }
        }
    }

    /** Computes what deleting the selection affects, for the confirmation dialog. */
    public void prepareDelete() {
        if (nothingSelected()) {
            org.primefaces.PrimeFaces.current().ajax().addCallbackParam("nothingSelected", true);
            return;
        }
        List<String> usage = new ArrayList<>();
        selection.forEach(row -> usage.addAll(service.usage(page.getView(), String.valueOf(row.getId()))));
        deleteUsage = usage;
    }

    public void deleteSelected() {
        if (nothingSelected()) {
            return;
        }
        try {
            int deleted = service.deleteAll(page.getView(), selectedIds());
            notice(FacesMessage.SEVERITY_INFO, "Deleted " + deleted + " " + noun(deleted) + ".");
            selection = new ArrayList<>();
        } catch (ConflictException | WriteException e) {
            notice(FacesMessage.SEVERITY_ERROR, e.getMessage() + " Nothing was deleted.");
        } catch (ForbiddenException e) {
            AdminPages.refused(faces);
        } catch (org.gatehouse.identity.StepUpRequiredException e) {
            StepUpPrompt.ask(faces, "list:confirmDeleteSelected");
        }
    }

    public void runAction(String name) {
        if (nothingSelected()) {
            return;
        }
        AdminView<?> view = page.getView();
        try {
            int changed = service.runAction(view, name, selectedIds());
            String label = view.action(name).map(a -> a.label()).orElse(name);
            notice(FacesMessage.SEVERITY_INFO, label + ": " + changed + " " + noun(changed) + " updated.");
            selection = new ArrayList<>();
        } catch (ConflictException | WriteException e) {
            notice(FacesMessage.SEVERITY_ERROR, e.getMessage() + " Nothing was changed.");
        } catch (ForbiddenException e) {
            AdminPages.refused(faces);
        } catch (org.gatehouse.identity.StepUpRequiredException e) {
            StepUpPrompt.ask(faces, null);
        }
    }

    private boolean nothingSelected() {
        if (selection.isEmpty()) {
            notice(FacesMessage.SEVERITY_WARN, "Select the rows first.");
        }
        return selection.isEmpty();
    }

    private void notice(FacesMessage.Severity severity, String text) {
        faces.addMessage(null, new FacesMessage(severity, text, null));
    }

    private String noun(int rows) {
        return (rows == 1 ? page.getView().singularLabel() : page.getView().label()).toLowerCase();
    }

    /** The selected rows with the versions they were shown at. */
    private Map<String, Long> selectedIds() {
        Map<String, Long> versions = new LinkedHashMap<>();
        selection.forEach(row -> versions.put(String.valueOf(row.getId()), row.getVersion()));
        return versions;
    }

    public List<String> getDeleteUsage() {
        return deleteUsage;
    }

    public List<ListRow> getSelection() {
        return selection;
    }

    public void setSelection(List<ListRow> selection) {
        this.selection = selection;
    }
}
