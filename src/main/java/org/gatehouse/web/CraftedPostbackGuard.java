package org.gatehouse.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;

/**
 * Faces silently ignores a postback naming a button (or a field) that was not rendered. For the admin's
 * write buttons, which are rendered only for those allowed to use them, such a postback is a
 * crafted request: right after the view is restored, the page's bean checks it and answers 403
 * (recorded in the audit log) before anything else happens.
 */
public class CraftedPostbackGuard implements PhaseListener {

    private static final long serialVersionUID = 1L;

    @Override
    public void afterPhase(PhaseEvent event) {
        FacesContext faces = event.getFacesContext();
        if (!faces.isPostback() || faces.getViewRoot() == null) {
            return;
        }
        String viewId = faces.getViewRoot().getViewId();
        if ((AdminPages.VIEWS + "/admin/details.xhtml").equals(viewId)) {
            bean(faces, "#{detailsPage}", DetailsPageBacking.class).guardPostback();
            if (!faces.getResponseComplete()) {
                bean(faces, "#{roleRules}", RoleRulesTab.class).guardPostback();
            }
        } else if ((AdminPages.VIEWS + "/admin/form.xhtml").equals(viewId)) {
            bean(faces, "#{formPage}", FormPageBacking.class).guardPostback();
        } else if ((AdminPages.VIEWS + "/admin/list.xhtml").equals(viewId)) {
            bean(faces, "#{listPage}", ListPageBacking.class).guardPostback();
            if (!faces.getResponseComplete()) {
                bean(faces, "#{listBulk}", ListBulkBacking.class).guardPostback();
            }
        }
    }

    private static <T> T bean(FacesContext faces, String expression, Class<T> type) {
        return faces.getApplication().evaluateExpressionGet(faces, expression, type);
    }

    @Override
    public void beforePhase(PhaseEvent event) {
        // nothing before the view is restored
    }

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.RESTORE_VIEW;
    }
}
