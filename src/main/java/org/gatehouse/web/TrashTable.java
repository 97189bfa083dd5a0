package org.gatehouse.web;

import java.util.List;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.Labels;
import org.gatehouse.metadata.PropertyDescriptor;
import org.gatehouse.service.WriteException;
import org.gatehouse.web.i18n.TextBean;

/**
 * What the trash page shows of a view: the heading of the title column, the few columns after it,
 * and what it says after a restore or a delete forever. The view is as the caller sees it (null
 * on a page that answered an error: then there is nothing to show).
 */
public final class TrashTable {

    /** Columns a trashed row shows after its title. */
    private static final int COLUMNS = 4;

    private final AdminView<?> view;

    TrashTable(AdminView<?> view) {
        this.view = view;
    }

    /** The list's columns as the caller sees them, after the title: what each row shows of the record. */
    public List<PropertyDescriptor> getColumns() {
        return view == null
                ? List.of()
                : view.columns().stream()
                        .filter(column -> !column.name().equals(view.titleProperty()))
                        .limit(COLUMNS)
                        .toList();
    }

    /** The heading of the title column: the label of the view's title property. */
    public String getTitleLabel() {
        return view == null
                ? ""
                : view.property(view.titleProperty())
                        .map(PropertyDescriptor::label)
                        .orElse(view.titleProperty());
    }

    /** "2 orders restored." or "2 orders deleted forever." */
    String done(boolean restored, int count) {
        String noun = Labels.noun(TextBean.locale(), view.label(), view.singularLabel(), count);
        return TextBean.text(restored ? "trash.restored" : "trash.purged", count, noun);
    }

    /** The service's refusal of a restore or a delete forever, its field named by label. */
    String refused(boolean restoring, WriteException refusal) {
        return TextBean.text(restoring ? "trash.notRestored" : "trash.notPurged", Refusals.text(view, refusal));
    }
}
