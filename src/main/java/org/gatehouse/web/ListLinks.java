package org.gatehouse.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import org.gatehouse.service.ListRequest;
import org.gatehouse.web.i18n.TextBean;
import org.gatehouse.web.i18n.When;

/**
 * Where the list page's links lead, each keeping the list state it needs: the CSV export, the
 * chips of the active search and filters (each the list without it), "Clear all", and the
 * parameters the search form carries along.
 */
@Named("listLinks")
@RequestScoped
public class ListLinks {

    @Inject
    private ListPageBacking page;

    @Inject
    private FacesContext faces;

    @Inject
    private FilterChoices filterChoices;

    @Inject
    private When when;

    private List<ActiveFilters.Chip> chips;

    /** An admin address with a list state as its query. */
    static String address(FacesContext faces, String path, ListRequest request) {
        return withQuery(AdminPages.adminUrl(faces, path), ListUrls.query(request));
    }

    /** The page script's call that puts a list state's address in the address bar. */
    static String pushState(FacesContext faces, String path, ListRequest request) {
        return "Gatehouse.pushState(" + jsString(address(faces, path, request)) + ");";
    }

    static String jsString(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'").replace("<", "\\x3C") + "'";
    }

    private static String withQuery(String address, String query) {
        return query.isEmpty() ? address : address + "?" + query;
    }

    /** The export of the current state; the page's script keeps its query in step with the address bar. */
    public String getExport() {
        return address(faces, page.getView().name() + "/export.csv", page.getRequest());
    }

    /** The current filters as URL parameters, kept by the search form. */
    public List<Map.Entry<String, String>> getFilterParams() {
        return List.copyOf(ListUrls.filterParameters(page.getRequest()).entrySet());
    }

    /** The search and filters that narrow the list, each with the address of the list without it. */
    public List<ActiveFilters.Chip> getChips() {
        if (chips == null) {
            chips = ActiveFilters.of(
                    page.getView(),
                    page.getRequest(),
                    AdminPages.adminUrl(faces, page.getView().name()),
                    TextBean.locale(),
                    filterChoices::of,
                    when::date);
        }
        return chips;
    }

    /** The list without search and filters, same sort and size: where "Clear all" leads. */
    public String getClear() {
        return withQuery(
                AdminPages.adminUrl(faces, page.getView().name()),
                ListUrls.queryWithoutSearchAndFilters(page.getRequest()));
    }
}
