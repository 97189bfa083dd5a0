package org.gatehouse.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.gatehouse.audit.AuditAction;
import org.gatehouse.audit.HistoryItem;
import org.gatehouse.identity.StepUpRequiredException;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.Operation;
import org.gatehouse.service.ConflictException;
import org.gatehouse.service.EntityService;
import org.gatehouse.service.ForbiddenException;
import org.gatehouse.service.RecordHistory;
import org.gatehouse.service.WriteException;
import org.gatehouse.web.i18n.TextBean;
import org.omnifaces.util.Messages;

/**
 * Revert from the History tab of a details page. The preview is a GET of the details page naming
 * the entry and the kind of revert ({@code ?revert=123&mode=change}); its Confirm posts back to
 * that address with the version the preview showed. Both are answered from the URL alone, as the
 * stateless details page is.
 */
@Named("revert")
@RequestScoped
public class RevertBacking {

    static final String ENTRY = "revert";
    static final String MODE = "mode";
    static final String SHOWN_VERSION = "revertVersion";
    /** The Confirm button's client id, which a postback names. */
    static final String CONFIRM = "details:revertConfirm";
    /** The kinds of revert as the address names them. */
    private static final Map<String, RecordHistory.Mode> MODES =
            Map.of("change", RecordHistory.Mode.CHANGE, "version", RecordHistory.Mode.VERSION);

    @Inject
    private DetailsPageBacking details;

    @Inject
    private HistoryTexts texts;

    @Inject
    private RecordHistory history;

    @Inject
    private EntityService service;

    private boolean loaded;
    private RecordHistory.Preview preview;

    /** For the page's {@code f:viewAction}: a preview asked for that cannot be shown is 400, 403 or 404. */
    public void check() {
        load(FacesContext.getCurrentInstance());
    }

    private void load(FacesContext faces) {
        if (loaded) {
            return;
        }
        loaded = true;
        Map<String, String> query = faces.getExternalContext().getRequestParameterMap();
        if (faces.getResponseComplete() || !query.containsKey(ENTRY) || details.getEntity() == null) {
            return;
        }
        String entry = query.get(ENTRY);
        RecordHistory.Mode mode = mode(query.get(MODE));
        if (entry == null || !entry.matches("\\d{1,18}") || mode == null) {
            AdminPages.badRequest(faces, "revert of " + entry + " as " + query.get(MODE));
            return;
        }
        try {
            preview = history.preview(details.getView(), details.getId(), Long.parseLong(entry), mode)
                    .orElse(null);
            if (preview == null) {
                AdminPages.notFound(faces);
            }
        } catch (ForbiddenException | jakarta.ejb.EJBAccessException e) {
            AdminPages.refused(faces);
        }
    }

    private static RecordHistory.Mode mode(String text) {
        return text == null ? null : MODES.get(text);
    }

    /** The preview the address asks for; null when it asks for none. */
    public RecordHistory.Preview getPreview() {
        load(FacesContext.getCurrentInstance());
        return preview;
    }

    /** Whether the History tab offers reverts of this entry: to those who may edit the view, for edits. */
    public boolean offered(HistoryItem item) {
        AdminView<?> view = details.getView();
        return view != null
                && item.id() != null
                && view.editable()
                && service.can(view, Operation.EDIT)
                && (item.action() == AuditAction.CREATE
                        || item.action() == AuditAction.UPDATE
                        || item.action() == AuditAction.BULK_ACTION);
    }

    public void apply() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        RecordHistory.Preview shown = getPreview();
        if (faces.getResponseComplete() || shown == null) {
            return;
        }
        AdminView<?> view = details.getView();
        try {
            var saved = history.apply(
                    view, details.getId(), shown.entryId(), shown.mode(), RequestValues.version(SHOWN_VERSION));
            if (saved.isEmpty()) {
                AdminPages.notFound(faces);
                return;
            }
            Messages.addFlashGlobalInfo(TextBean.text(
                    shown.mode() == RecordHistory.Mode.CHANGE ? "revert.done.change" : "revert.done.version"));
            faces.getExternalContext().redirect(AdminPages.adminUrl(faces, view.name() + "/" + details.getId()));
        } catch (ConflictException e) {
            // the preview below is the record as it is now: the user decides again
            faces.getExternalContext().setResponseStatus(409);
            Messages.addGlobalError(e.getText().text(TextBean.locale()) + " " + TextBean.text("revert.conflict"));
        } catch (WriteException e) {
            Messages.addGlobalError(Refusals.text(e, texts::fieldLabel));
        } catch (ForbiddenException | jakarta.ejb.EJBAccessException e) {
            AdminPages.refused(faces);
        } catch (StepUpRequiredException e) {
            StepUpPrompt.ask(faces, CONFIRM);
        }
    }

    /** The notes and problems, in that order, for the page's list. */
    public List<RecordHistory.Remark> getRemarks() {
        return preview == null
                ? List.of()
                : java.util.stream.Stream.concat(preview.problems().stream(), preview.notes().stream())
                        .toList();
    }
}
