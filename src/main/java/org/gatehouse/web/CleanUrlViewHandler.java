package org.gatehouse.web;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import jakarta.servlet.RequestDispatcher;
import java.io.IOException;
import java.util.Map;
import org.gatehouse.web.auth.PageToken;

/**
 * Makes forms post back to the clean URL the page was requested with, query included (for
 * example {@code /admin/orders?status=PAID}), instead of the file that renders it; in the forms
 * of a stateless page (see {@link StatelessViews}) it writes the session's {@link PageToken}
 * next to the view state, which {@link StatelessPostbackFilter} checks before any page runs.
 */
public class CleanUrlViewHandler extends ViewHandlerWrapper {

    public CleanUrlViewHandler(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public String getActionURL(FacesContext context, String viewId) {
        Map<String, Object> attributes = context.getExternalContext().getRequestMap();
        Object originalUri = attributes.get(RequestDispatcher.FORWARD_REQUEST_URI);
        boolean currentView = context.getViewRoot() != null
                && viewId.equals(context.getViewRoot().getViewId());
        if (originalUri != null && currentView) {
            Object query = attributes.get(RequestDispatcher.FORWARD_QUERY_STRING);
            return originalUri + (query == null ? "" : "?" + query);
        }
        return super.getActionURL(context, viewId);
    }

    @Override
    public void writeState(FacesContext context) throws IOException {
        super.writeState(context);
        if (context.getViewRoot() != null && context.getViewRoot().isTransient()) {
            String token = PageToken.of(context.getExternalContext().getSession(false));
            if (token != null) {
                ResponseWriter writer = context.getResponseWriter();
                writer.startElement("input", null);
                writer.writeAttribute("type", "hidden", null);
                writer.writeAttribute("name", PageToken.PARAMETER, null);
                writer.writeAttribute("value", token, null);
                writer.endElement("input");
            }
        }
    }
}
