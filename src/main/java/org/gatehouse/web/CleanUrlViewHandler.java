package org.gatehouse.web;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import jakarta.servlet.RequestDispatcher;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.gatehouse.web.auth.PageToken;

/**
 * Makes forms post back to the clean URL the page was requested with (for example
 * {@code /admin/orders?status=PAID}) instead of the file that renders it, and keeps the pages
 * that are read most — home, lists, details — stateless.
 * <p>
 * A stateless (transient) view keeps nothing on the server between requests: its GET renders
 * from the URL alone and a postback rebuilds the page from the URL its form posts to. Nothing
 * is written into the HTTP session for it, so a replicated session is not stored again after
 * every page. Such a view has no view state to protect its postbacks against cross-site
 * requests: its forms carry the session's {@link PageToken} instead, checked by
 * {@link StatelessPostbackFilter} before any page runs.
 */
public class CleanUrlViewHandler extends ViewHandlerWrapper {

    static final Set<String> STATELESS_VIEWS = Set.of(AdminPages.VIEWS + "/admin/index.xhtml",
            AdminPages.VIEWS + "/admin/list.xhtml", AdminPages.VIEWS + "/admin/details.xhtml");

    public CleanUrlViewHandler(ViewHandler wrapped) {
        super(wrapped);
    }

    /** Transient from creation on, before anything (such as the CSP nonce) is put into its view map. */
    @Override
    public UIViewRoot createView(FacesContext context, String viewId) {
        UIViewRoot root = super.createView(context, viewId);
        if (root != null && STATELESS_VIEWS.contains(root.getViewId())) {
            root.setTransient(true);
        }
        return root;
    }

    @Override
    public String getActionURL(FacesContext context, String viewId) {
        Map<String, Object> attributes = context.getExternalContext().getRequestMap();
        Object originalUri = attributes.get(RequestDispatcher.FORWARD_REQUEST_URI);
        boolean currentView = context.getViewRoot() != null && viewId.equals(context.getViewRoot().getViewId());
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
