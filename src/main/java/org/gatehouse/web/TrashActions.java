package org.gatehouse.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.gatehouse.identity.StepUpRequiredException;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.service.ForbiddenException;
import org.gatehouse.service.Trash;
import org.gatehouse.service.WriteException;
import org.gatehouse.web.i18n.TextBean;
import org.omnifaces.util.Messages;
import org.primefaces.PrimeFaces;

/**
 * The trash page's buttons: Restore and Delete forever, for one row (its button posts the id as
 * {@value #ONE}) or for the ticked rows ({@value #PICKED}). The page's rows are read again after
 * each, so the table shows what is left.
 */
@Named("trashActions")
@RequestScoped
public class TrashActions {

    /** The request parameters of the ticked rows and of a row's own button. */
    static final String PICKED = "picked";

    static final String ONE = "one";

    @Inject
    private FacesContext faces;

    @Inject
    private TrashPageBacking page;

    @Inject
    private Trash trash;

    /** Restores the row of the button ({@value #ONE}) or the ticked rows ({@value #PICKED}). */
    public void restore(String parameter) {
        act(true, parameter, parameter.equals(ONE) ? "trash:rows:" : "trash:restorePicked");
    }

    /** Deletes forever the row of the button ({@value #ONE}) or the ticked rows ({@value #PICKED}). */
    public void purge(String parameter) {
        act(false, parameter, parameter.equals(ONE) ? "trash:rows:" : "trash:confirmPurgePicked");
    }

    private void act(boolean restore, String parameter, String button) {
        AdminView<?> view = page.resolvedView();
        if (view == null) {
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
                Messages.addGlobalInfo(page.getTable().done(restore, done));
                PrimeFaces.current().ajax().update(ListBulkBacking.TOASTS);
            }
        } catch (WriteException e) {
            Messages.addGlobalError(page.getTable().refused(restore, e));
        } catch (ForbiddenException | jakarta.ejb.EJBAccessException e) {
            AdminPages.refused(faces);
            return;
        } catch (StepUpRequiredException e) {
            StepUpPrompt.ask(faces, button);
        }
        page.load();
    }
}
