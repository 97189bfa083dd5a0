package org.gatehouse.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.service.BulkWrites;
import org.gatehouse.service.DeleteCheck;
import org.gatehouse.service.DeleteChecks;
import org.gatehouse.service.EntityLookups;
import org.gatehouse.service.WriteException;
import org.gatehouse.web.i18n.TextBean;
import org.primefaces.PrimeFaces;

/**
 * Deleting the list's selected rows, confirmed in a dialog that counts them, says what else the
 * delete unlinks or deletes, and, when some of them are still in use, names those and offers no
 * Delete.
 */
@Named("bulkDelete")
@RequestScoped
public class BulkDeleteBacking {

    @Inject
    private ListPageBacking page;

    @Inject
    private ListBulkBacking bulk;

    @Inject
    private BulkWrites bulkWrites;

    @Inject
    private DeleteChecks deleteChecks;

    @Inject
    private EntityLookups lookups;

    @Inject
    private Formatter formatter;

    private List<InUse> inUse = List.of();
    private String unlinks = "";
    private String deletes = "";

    /** A selected record the delete would fail on, and what still refers to it ("10 orders"). */
    public record InUse(String title, String usage) {}

    /** Finds out, for the confirmation dialog, whether the selected rows can be deleted and what else it affects. */
    public void prepare() {
        if (bulk.nothingSelected()) {
            return;
        }
        AdminView<?> view = page.getView();
        List<String> ids = bulk.getSelection().stream()
                .map(row -> String.valueOf(row.getId()))
                .distinct()
                .toList();
        DeleteCheck all;
        try {
            all = deleteChecks.deleteCheck(view, ids);
        } catch (WriteException refused) {
            // a crafted selection larger than any page: say so, open no dialog
            bulk.error(refused.getText().text(TextBean.locale()));
            PrimeFaces.current().ajax().addCallbackParam("nothingSelected", true);
            return;
        }
        unlinks = formatter.usages(all.with(DeleteCheck.Effect.UNLINKS));
        deletes = formatter.usages(all.with(DeleteCheck.Effect.DELETES));
        if (all.blocked()) {
            inUse = inUse(view, ids);
        }
    }

    /** Which of them are in use: one check per selected row (a page at most), only when some are. */
    private List<InUse> inUse(AdminView<?> view, List<String> ids) {
        List<InUse> found = new ArrayList<>();
        for (String id : ids) {
            DeleteCheck check = deleteChecks.deleteCheck(view, List.of(id));
            if (check.blocked()) {
                String title = lookups.find(view, id)
                        .map(entity -> formatter.title(entity, view))
                        .orElse("");
                found.add(new InUse(title.isBlank() ? "#" + id : title, formatter.usages(check.blocking())));
            }
        }
        return found;
    }

    public void delete() {
        if (!bulk.nothingSelected()) {
            bulk.write(
                            "bulk.notDeleted",
                            "list:confirmDeleteSelected",
                            versions -> bulkWrites.deleteAll(page.getView(), versions))
                    .ifPresent(deleted -> bulk.done(TextBean.text("bulk.deleted", deleted, bulk.noun(deleted))));
        }
    }

    /** The dialog's title: "Delete selected orders". */
    public String getTitle() {
        return TextBean.text("bulk.delete.title", bulk.noun(2));
    }

    /** "Delete 2 selected orders? This cannot be undone." */
    public String getQuestion() {
        int selected = bulk.getSelection().size();
        return TextBean.text("bulk.delete.question", selected, bulk.noun(selected));
    }

    /** "2 selected customers are still in use, so nothing can be deleted:" */
    public String getInUseText() {
        return TextBean.text("bulk.delete.inUse", inUse.size(), bulk.noun(inUse.size()));
    }

    /** "They are still in use: 3 users. Deleting them removes them from those records.", or null. */
    public String getUnlinksText() {
        return unlinks.isEmpty() ? null : TextBean.text("bulk.delete.unlinks", unlinks);
    }

    /** "Deleting them also deletes: 4 sessions.", or null. */
    public String getDeletesText() {
        return deletes.isEmpty() ? null : TextBean.text("bulk.delete.deletes", deletes);
    }

    /** Whether some selected rows are in use: the dialog then explains and offers no Delete. */
    public boolean isBlocked() {
        return !inUse.isEmpty();
    }

    public List<InUse> getInUse() {
        return inUse;
    }
}
