package org.gatehouse.web;

import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewDeclarationLanguage;
import jakarta.faces.view.ViewDeclarationLanguageFactory;
import jakarta.faces.view.ViewDeclarationLanguageWrapper;
import java.util.Set;

/**
 * The pages read most — home, lists, details — are stateless (transient) views: a GET renders
 * from the URL alone and a postback rebuilds the page from the URL its form posts to, so nothing
 * of them is kept in the HTTP session, which a replicated deployment reads and writes whole on
 * every request. Such a view has no view state to protect its postbacks against cross-site
 * requests: its forms carry the session's page token instead ({@link CleanUrlViewHandler},
 * {@link StatelessPostbackFilter}).
 * <p>
 * The views are made transient where Faces creates them, both for a GET and when a postback
 * rebuilds them, and before anything (such as PrimeFaces' CSP nonce) is put into a view map.
 */
public class StatelessViews extends ViewDeclarationLanguageFactory {

    static final Set<String> VIEW_IDS = Set.of(
            AdminPages.VIEWS + "/admin/index.xhtml",
            AdminPages.VIEWS + "/admin/list.xhtml",
            AdminPages.VIEWS + "/admin/details.xhtml");

    public StatelessViews(ViewDeclarationLanguageFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ViewDeclarationLanguage getViewDeclarationLanguage(String viewId) {
        ViewDeclarationLanguage language = getWrapped().getViewDeclarationLanguage(viewId);
        return language == null
                ? null
                : new ViewDeclarationLanguageWrapper(language) {
                    @Override
                    public UIViewRoot createView(FacesContext context, String id) {
                        UIViewRoot root = super.createView(context, id);
                        if (root != null && VIEW_IDS.contains(root.getViewId())) {
                            root.setTransient(true);
                        }
                        return root;
                    }
                };
    }
}
