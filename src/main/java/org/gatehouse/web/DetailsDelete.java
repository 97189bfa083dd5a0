package org.gatehouse.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;
import org.gatehouse.identity.StepUpRequiredException;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.Operation;
import org.gatehouse.service.AccessChecks;
import org.gatehouse.service.ConflictException;
import org.gatehouse.service.DeleteCheck;
import org.gatehouse.service.DeleteChecks;
import org.gatehouse.service.EntityService;
import org.gatehouse.service.ForbiddenException;
import org.gatehouse.service.WriteException;
import org.gatehouse.web.i18n.TextBean;
import org.omnifaces.util.Messages;

/**
 * The details page's Delete: what deleting the record would meet (so Delete is only offered when
 * the service would carry it out), and the confirmed delete of the version the page showed.
 */
@Named("detailsDelete")
@RequestScoped
public class DetailsDelete {

    /** The request parameter with the version the page showed, posted by its Delete button. */
    static final String SHOWN_VERSION = "version";

    @Inject
    private DetailsPageBacking details;

    @Inject
    private EntityService service;

    @Inject
    private AccessChecks access;

    @Inject
    private DeleteChecks deleteChecks;

    @Inject
    private Formatter formatter;

    private DeleteCheck check;

    /** What deleting the record would meet; whether Delete is offered at all. */
    public DeleteCheck getCheck() {
        if (check == null) {
            AdminView<?> view = details.getView();
            check = details.getEntity() != null && access.can(view, Operation.DELETE)
                    ? deleteChecks.deleteCheck(view, List.of(details.getId()))
                    : DeleteCheck.NONE;
        }
        return check;
    }

    /** "12 orders": the records of one effect, for the delete dialog; empty when none. */
    public String usage(String effect) {
        return formatter.usages(getCheck().with(DeleteCheck.Effect.valueOf(effect)));
    }

    public void delete() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        AdminView<?> view = details.getView();
        try {
            service.delete(view, details.getId(), RequestValues.version(SHOWN_VERSION));
            Messages.addFlashGlobalInfo(TextBean.text("details.deleted", formatter.singular(view), details.getTitle()));
            faces.getExternalContext().redirect(AdminPages.adminUrl(faces, view.name()));
        } catch (ConflictException e) {
            Messages.addGlobalError(e.getText().text(TextBean.locale()) + " " + TextBean.text("details.reload"));
        } catch (WriteException e) {
            Messages.addGlobalError(e.getText().text(TextBean.locale()));
        } catch (ForbiddenException e) {
            AdminPages.refused(faces);
        } catch (StepUpRequiredException e) {
            StepUpPrompt.ask(faces, "details:confirmDeleteYes");
        }
    }
}
