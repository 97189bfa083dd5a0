package org.gatehouse.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.gatehouse.identity.SecretBox;
import org.gatehouse.metadata.AdminRegistry;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.Operation;
import org.gatehouse.service.AccessChecks;
import org.gatehouse.service.EntityLists;
import org.gatehouse.service.ListCount;
import org.gatehouse.service.ListRequest;
import org.gatehouse.web.i18n.TextBean;
import org.omnifaces.util.Messages;
import org.primefaces.PrimeFaces;
import org.primefaces.model.SortMeta;

/**
 * The list page of any admin view. The page is stateless: every request, GET or postback,
 * rebuilds the list state from the URL (a postback goes to the address the page shows, which the
 * page's script keeps in step with AJAX paging and sorting), and AJAX paging and sorting write the
 * new state back to the address bar. Its words: {@link ListTexts}; its addresses and chips:
 * {@link ListLinks}; columns: {@link ColumnChoice}; selection and bulk work: {@link ListBulkBacking},
 * {@link BulkDeleteBacking}, {@link BulkActionBacking}.
 */
@Named("listPage")
@RequestScoped
public class ListPageBacking {

    @Inject
    private AccessChecks access;

    @Inject
    private SecretBox secrets;

    @Inject
    private AdminRegistry registry;

    @Inject
    private EntityLists lists;

    @Inject
    private FacesContext faces;

    @Inject
    private Formatter formatter;

    @Inject
    private ListCells cells;

    private AdminView<?> view;
    private ListRequest request;
    private ListTexts texts;
    private EntityLazyModel<?> model;
    private ColumnChoice columns;

    /** Unknown view is 404, not allowed 403; otherwise the list state of the URL and its count. */
    @PostConstruct
    void load() {
        view = AdminPages.permittedView(faces, registry, access, Operation.VIEW).orElse(null);
        if (view == null) {
            return;
        }
        ListRequest.Parsed parsed = ListUrls.parse(view, AdminPages.query(faces));
        String arrivedAt = ListUrls.query(parsed.request());
        PostedTable posted = new PostedTable(view, faces.getExternalContext().getRequestParameterMap());
        if (faces.isPostback()) {
            parsed = posted.sorted(parsed);
            if (posted.isSortOrPaging()) {
                // the new page's edge rows, for the next Next or Previous (asked for before the table renders)
                PrimeFaces.current().ajax().update(PostedTable.POSITIONS);
            }
        }
        ListCount count = lists.listCount(view, parsed.request());
        if (count.exact()) {
            parsed = parsed.clampedTo(count.value());
        }
        request = parsed.request();
        if (!faces.isPostback()) {
            Locale locale = TextBean.locale();
            parsed.notices().forEach(notice -> Messages.addGlobalWarn(notice.text(locale)));
        }
        texts = new ListTexts(view, request, count);
        columns = ColumnChoice.of(
                view, (HttpServletRequest) faces.getExternalContext().getRequest(), secrets);
        // an inexact count still lets the user page one step past the known rows
        long rows = count.exact() ? count.value() : count.value() + 1;
        model = new EntityLazyModel<>(lists, formatter, cells, view, request, rows, posted.positions(), shown -> {
            // the page's address follows any change the table made
            request = shown;
            if (!arrivedAt.equals(ListUrls.query(shown))) {
                PrimeFaces.current().executeScript(ListLinks.pushState(faces, view.name(), shown));
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

    public AdminView<?> getView() {
        return view;
    }

    /** The list state shown: the address's, or what the table's paging and sorting made of it. */
    public ListRequest getRequest() {
        return request;
    }

    public EntityLazyModel<?> getModel() {
        return model;
    }

    public ListTexts getTexts() {
        return texts;
    }

    public ColumnChoice getColumns() {
        return columns;
    }

    /** The table's sort, as the list state has it. */
    public List<SortMeta> getInitialSort() {
        return PostedTable.sortMeta(request);
    }
}
