package org.gatehouse.web;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.RequestDispatcher;
import java.util.Map;

/**
 * Makes forms post back to the clean URL the page was requested with (for example
 * {@code /admin/orders/42/edit}) instead of the file that renders it.
 */
public class CleanUrlViewHandler extends ViewHandlerWrapper {

    public CleanUrlViewHandler(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public String getActionURL(FacesContext context, String viewId) {
        Map<String, Object> attributes = context.getExternalContext().getRequestMap();
        Object originalUri = attributes.get(RequestDispatcher.FORWARD_REQUEST_URI);
        boolean currentView = context.getViewRoot() != null && viewId.equals(context.getViewRoot().getViewId());
        if (originalUri != null && currentView) {
            return originalUri.toString();
        }
        return super.getActionURL(context, viewId);
    }
}
