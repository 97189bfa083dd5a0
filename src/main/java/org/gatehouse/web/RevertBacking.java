package org.gatehouse.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Map;
import org.gatehouse.audit.HistoryItem;
import org.gatehouse.identity.StepUpRequiredException;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.Operation;
import org.gatehouse.service.AccessChecks;
import org.gatehouse.service.ConflictException;
import org.gatehouse.service.ForbiddenException;
import org.gatehouse.service.RecordHistory;
import org.gatehouse.service.WriteException;
import org.omnifaces.util.Faces;
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

    static final String SHOWN_VERSION = "revertVersion";
    /** The Confirm button's client id, which a postback names. */
    static final String CONFIRM = "details:revertConfirm";

    @Inject
    private FacesContext faces;

    @Inject
    private DetailsPageBacking details;

    @Inject
    private HistoryTexts texts;

    @Inject
    private RecordHistory history;

    @Inject
    private AccessChecks access;

    private boolean loaded;
    private RecordHistory.Preview preview;

    /** For the page's {@code f:viewAction}: a preview asked for that cannot be shown is 400, 403 or 404. */
    public void check() {
        getPreview();
    }

    /** The preview the address asks for; null when it asks for none. */
    public RecordHistory.Preview getPreview() {
        if (!loaded) {
            loaded = true;
            load();
        }
        return preview;
    }

    private void load() {
        Map<String, String> query = faces.getExternalContext().getRequestParameterMap();
        if (faces.getResponseComplete() || !RevertAddress.asked(query) || details.getEntity() == null) {
            return;
        }
        RevertAddress address = RevertAddress.parse(query).orElse(null);
        if (address == null) {
            AdminPages.badRequest(faces, "revert of " + RevertAddress.describe(query));
            return;
        }
        try {
            preview = history.preview(details.getView(), details.getId(), address.entryId(), address.mode())
                    .orElse(null);
            if (preview == null) {
                AdminPages.notFound(faces);
            }
        } catch (ForbiddenException | jakarta.ejb.EJBAccessException e) {
            AdminPages.refused(faces);
        }
    }

    /** Whether the History tab offers reverts of this entry: to those who may edit the view, for edits. */
    public boolean offered(HistoryItem item) {
        AdminView<?> view = details.getView();
        return view != null
                && item.id() != null
                && view.editable()
                && access.can(view, Operation.EDIT)
                && RevertAddress.revertible(item.action());
    }

    public void apply() {
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
            Messages.addFlashGlobalInfo(texts.reverted(shown.mode()));
            Faces.redirect("admin/%s/%s", view.name(), details.getId());
        } catch (ConflictException e) {
            // the preview below is the record as it is now: the user decides again
            faces.getExternalContext().setResponseStatus(409);
            Messages.addGlobalError(texts.conflict(e));
        } catch (WriteException e) {
            Messages.addGlobalError(Refusals.text(e, texts::fieldLabel));
        } catch (ForbiddenException | jakarta.ejb.EJBAccessException e) {
            AdminPages.refused(faces);
        } catch (StepUpRequiredException e) {
            StepUpPrompt.ask(faces, CONFIRM);
        }
    }
}
