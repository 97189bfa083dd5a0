package org.gatehouse.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.gatehouse.i18n.Texts;
import org.gatehouse.metadata.AdminRegistry;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.Labels;
import org.gatehouse.metadata.Operation;
import org.gatehouse.metadata.PropertyDescriptor;
import org.gatehouse.metadata.SortOrder;
import org.gatehouse.service.EntityService;
import org.gatehouse.service.ListCount;
import org.gatehouse.service.ListRequest;
import org.gatehouse.web.i18n.TextBean;
import org.gatehouse.web.i18n.When;
import org.primefaces.PrimeFaces;
import org.primefaces.model.SortMeta;

/**
 * The list page of any admin view. The page is stateless: every request, GET or postback,
 * rebuilds the list state from the URL (a postback goes to the address the page shows, which the
 * page's script keeps in step with AJAX paging and sorting), and AJAX paging and sorting write the
 * new state back to the address bar. Selection and bulk operations: {@link ListBulkBacking};
 * filter options: {@link FilterChoices}; cells: {@link ListCells}; chips: {@link ActiveFilters}.
 */
@Named("listPage")
@RequestScoped
public class ListPageBacking {

    @Inject
    private org.gatehouse.identity.SecretBox secrets;

    @Inject
    private AdminRegistry registry;

    @Inject
    private EntityService service;

    @Inject
    private FacesContext faces;

    @Inject
    private Formatter formatter;

    @Inject
    private ListCells cells;

    @Inject
    private FilterChoices filterChoices;

    @Inject
    private When when;

    private AdminView<?> view;
    private ListRequest request;
    private ListCount count;
    private EntityLazyModel<?> model;
    private ColumnChoice columns;
    private List<ActiveFilters.Chip> chips;

    /** Unknown view is 404, not allowed 403; otherwise the list state of the URL and its count. */
    @PostConstruct
    void load() {
        view = AdminPages.permittedView(faces, registry, service, Operation.VIEW)
                .orElse(null);
        if (view == null) {
            return;
        }
        ListRequest.Parsed parsed = ListUrls.parse(view, AdminPages.query(faces));
        String arrivedAt = ListUrls.query(parsed.request());
        PostedTable posted = new PostedTable(view, faces.getExternalContext().getRequestParameterMap());
        if (faces.isPostback()) {
            var sort = posted.sort();
            if (sort.isPresent()) {
                parsed = parsed.map(
                        list -> list.withSort(SortOrder.format(sort.get())).withPage(1));
            }
            if (posted.isSortOrPaging()) {
                // the new page's edge rows, for the next Next or Previous (asked for before the table renders)
                PrimeFaces.current().ajax().update(PostedTable.POSITIONS);
            }
        }
        count = service.listCount(view, parsed.request());
        if (count.exact()) {
            parsed = parsed.clampedTo(count.value());
        }
        request = parsed.request();
        if (!faces.isPostback()) {
            Locale locale = TextBean.locale();
            parsed.notices()
                    .forEach(notice -> faces.addMessage(
                            null, new FacesMessage(FacesMessage.SEVERITY_WARN, notice.text(locale), null)));
        }
        HttpServletRequest http =
                (HttpServletRequest) faces.getExternalContext().getRequest();
        columns = new ColumnChoice(
                view,
                http,
                secrets.tag(
                        "columns",
                        http.getUserPrincipal() == null
                                ? ""
                                : http.getUserPrincipal().getName()));
        // an inexact count still lets the user page one step past the known rows
        long rows = count.exact() ? count.value() : count.value() + 1;
        model = new EntityLazyModel<>(service, formatter, cells, view, request, rows, posted.positions(), shown -> {
            // the page's address follows any change the table made
            request = shown;
            if (!arrivedAt.equals(ListUrls.query(shown))) {
                PrimeFaces.current().executeScript("Gatehouse.pushState(" + jsString(url(view.name())) + ");");
            }
        });
    }

    /** For the page's {@code f:viewAction}: the work is done when the bean is made. */
    public void check() {
        // load() ran already; a missing or forbidden view has been answered
    }

    /** Paging the table never sends anything else than its page sizes and offsets: a crafted one is a 400. */
    public void guardPostback() {
        if (view != null
                && !new PostedTable(view, faces.getExternalContext().getRequestParameterMap()).isPagingValid()) {
            AdminPages.badRequest(faces, "crafted paging parameters");
        }
    }

    static String jsString(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'").replace("<", "\\x3C") + "'";
    }

    /** An admin address with the current list state as its query. */
    private String url(String path) {
        String query = ListUrls.query(request);
        return AdminPages.adminUrl(faces, path) + (query.isEmpty() ? "" : "?" + query);
    }

    /** The export of the current state; the page's script keeps its query in step with the address bar. */
    public String getExportUrl() {
        return url(view.name() + "/export.csv");
    }

    /** The current filters as URL parameters, kept by the search form. */
    public List<Map.Entry<String, String>> getFilterParams() {
        return List.copyOf(ListUrls.filterParameters(request).entrySet());
    }

    public List<SortMeta> getInitialSort() {
        List<SortMeta> sort = new ArrayList<>();
        int priority = 0;
        for (SortOrder order : request.sort()) {
            sort.add(SortMeta.builder()
                    .field(order.property())
                    .priority(priority++)
                    .order(
                            order.descending()
                                    ? org.primefaces.model.SortOrder.DESCENDING
                                    : org.primefaces.model.SortOrder.ASCENDING)
                    .build());
        }
        return sort;
    }

    /** The column the record link is in. */
    public PropertyDescriptor getFirstColumn() {
        return view.columns().get(0);
    }

    /** The columns after the first. */
    public List<PropertyDescriptor> getOtherColumns() {
        return view.columns().subList(1, view.columns().size());
    }

    /** Whether a column is shown: each person may hide columns of each view, and the choice is remembered. */
    public boolean shown(PropertyDescriptor column) {
        return !columns.isHidden(column);
    }

    /** What the page's script needs to remember the column choice: cookie name, owner and the columns in order. */
    public String getColumnCookie() {
        return columns.cookieName();
    }

    public String getColumnOwner() {
        return columns.owner();
    }

    public String getColumnNames() {
        return getOtherColumns().stream().map(PropertyDescriptor::name).collect(Collectors.joining("|"));
    }

    public AdminView<?> getView() {
        return view;
    }

    public ListRequest getRequest() {
        return request;
    }

    public EntityLazyModel<?> getModel() {
        return model;
    }

    /** "243 orders", "about 1,000,000 orders", "more than 10,000 orders", "1 order". */
    public String getCountText() {
        Locale locale = TextBean.locale();
        String noun = Labels.noun(locale, view.label(), view.singularLabel(), count.value());
        return switch (count.kind()) {
            case EXACT -> TextBean.text("list.count", count.value(), noun);
            case ESTIMATE -> TextBean.text("list.count.estimate", count.value(), noun);
            case AT_LEAST -> TextBean.text("list.count.atLeast", count.value(), noun);
        };
    }

    /** "New order". */
    public String getNewLabel() {
        Locale locale = TextBean.locale();
        return TextBean.text("list.new", Labels.inSentence(locale, Texts.label(locale, view.singularLabel())));
    }

    /** "No orders found.", or when a search or filter narrows the list, that none match them. */
    public String getEmptyText() {
        String noun = Labels.noun(TextBean.locale(), view.label(), view.singularLabel(), 0);
        return request.isNarrowed() ? TextBean.text("list.empty.narrowed", noun) : TextBean.text("list.empty", noun);
    }

    /** Whether a search or filter narrows the list (the empty list then offers to clear them). */
    public boolean isNarrowed() {
        return request.isNarrowed();
    }

    /** "Search name, email". */
    public String getSearchPlaceholder() {
        Locale locale = TextBean.locale();
        return TextBean.text(
                "list.search.placeholder",
                view.searchable().stream()
                        .map(p -> Labels.inSentence(locale, Texts.label(locale, p.label())))
                        .collect(Collectors.joining(", ")));
    }

    /** The search and filters that narrow the list, each with the address of the list without it. */
    public List<ActiveFilters.Chip> getChips() {
        if (chips == null) {
            chips = ActiveFilters.of(
                    view,
                    request,
                    AdminPages.adminUrl(faces, view.name()),
                    TextBean.locale(),
                    filterChoices::of,
                    when::date);
        }
        return chips;
    }

    /** The list without search and filters, same sort and size: where "Clear all" leads. */
    public String getClearUrl() {
        String query = ListUrls.queryWithoutSearchAndFilters(request);
        return AdminPages.adminUrl(faces, view.name()) + (query.isEmpty() ? "" : "?" + query);
    }

    public int getFirst() {
        return request.offset();
    }

    /** The current value of a URL parameter, for the filter and search forms. */
    public String param(String name) {
        String value = faces.getExternalContext().getRequestParameterMap().get(name);
        return value == null ? "" : value;
    }
}
