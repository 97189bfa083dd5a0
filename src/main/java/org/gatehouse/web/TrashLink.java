package org.gatehouse.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.service.AccessChecks;
import org.gatehouse.service.Trash;
import org.gatehouse.web.i18n.TextBean;

/**
 * The list page's link to its view's trash, "Trash (3)", for those who may delete there. Callers
 * with a row scope get the link without the number, which would cost a scan of the trash.
 */
@Named("trashLink")
@RequestScoped
public class TrashLink {

    @Inject
    private Trash trash;

    @Inject
    private AccessChecks access;

    private Boolean shown;
    private String label;

    /** Whether the list page of the view links to its trash (asked once per request). */
    public boolean shown(AdminView<?> view) {
        if (shown == null) {
            shown = view != null && trash.available(view);
            if (shown) {
                long size = access.rules(view).scoped() ? -1 : trash.count(view);
                label = size < 0 ? TextBean.text("trash.link") : TextBean.text("trash.link.count", size);
            }
        }
        return shown;
    }

    public String getLabel() {
        return label;
    }
}
