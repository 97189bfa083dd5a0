package org.gatehouse.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Optional;
import org.gatehouse.i18n.Texts;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.BulkAction;
import org.gatehouse.service.BulkWrites;
import org.gatehouse.web.i18n.TextBean;
import org.omnifaces.util.Faces;

/**
 * Running one of the view's bulk actions on the list's selected rows, confirmed in a dialog with
 * the number of rows it changes ("Mark 3 orders as shipped?"). The service checks that the action
 * exists and that the caller may run it.
 */
@Named("bulkAction")
@RequestScoped
public class BulkActionBacking {

    /** The request parameter the dialog's confirm button names its action with. */
    static final String PARAMETER = "bulkAction";

    @Inject
    private ListPageBacking page;

    @Inject
    private ListBulkBacking bulk;

    @Inject
    private BulkWrites bulkWrites;

    private String pending;

    /** Remembers the chosen action for its confirmation dialog, which says how many rows it changes. */
    public void prepare(String name) {
        if (!bulk.nothingSelected()) {
            pending = page.getView().action(name).map(BulkAction::name).orElse(null);
        }
    }

    /** Runs the action the confirmation dialog names. */
    public void run() {
        if (bulk.nothingSelected()) {
            return;
        }
        AdminView<?> view = page.getView();
        String name = Optional.ofNullable(Faces.getRequestParameter(PARAMETER)).orElse("");
        bulk.write("bulk.notChanged", "list:confirmYes", versions -> bulkWrites.runAction(view, name, versions))
                .ifPresent(changed -> bulk.done(TextBean.text(
                        "bulk.actionDone",
                        view.action(name)
                                .map(a -> Texts.label(TextBean.locale(), a.label()))
                                .orElse(name),
                        changed,
                        bulk.noun(changed))));
    }

    public String getPending() {
        return pending;
    }

    /** The chosen action's button text, "Mark shipped". */
    public String getLabel() {
        return action().map(a -> Texts.label(TextBean.locale(), a.label())).orElse("");
    }

    /**
     * The chosen action's question with the number of rows: a declared text may place the number
     * ({@code {0}}) and the noun that goes with it ({@code {1}}) itself ("Mark 3 orders as
     * shipped?"); otherwise the count follows the question ("3 orders selected.").
     */
    public String getQuestion() {
        int selected = bulk.getSelection().size();
        return action().map(a -> question(a.confirm(), selected, bulk.noun(selected), TextBean.locale()))
                .orElse("");
    }

    static String question(String confirm, int count, String noun, Locale locale) {
        String pattern = Texts.label(locale, confirm);
        if (pattern != null && pattern.contains("{0")) {
            try {
                return new MessageFormat(pattern.replace("'", "''"), locale).format(new Object[] {count, noun});
            } catch (IllegalArgumentException notAPattern) {
                // braces that are not placeholders: the text as it is, and the count after it
            }
        }
        return (pattern == null ? "" : pattern + " ") + Texts.format(locale, "bulk.action.selected", count, noun);
    }

    private Optional<? extends BulkAction<?>> action() {
        AdminView<?> view = page.getView();
        return pending == null || view == null ? Optional.empty() : view.action(pending);
    }
}
