package org.gatehouse.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.gatehouse.i18n.Message;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.web.i18n.TextBean;

/** What the form page says of its record: its heading and crumb, and the words around a new password. */
@Named("formTexts")
@RequestScoped
public class FormTexts {

    @Inject
    private FormPageBacking page;

    @Inject
    private Formatter formatter;

    /** "New order" or "Edit ORD-000123". */
    public String getHeading() {
        AdminView<Object> view = page.getView();
        if (view == null) {
            return "";
        }
        return page.isCreating()
                ? TextBean.text("form.title.new", formatter.singular(view))
                : TextBean.text("form.title.edit", formatter.title(page.getEntity(), view));
    }

    /** The record's name for breadcrumbs, or "New order" while creating. */
    public String getTitle() {
        return page.isCreating() ? getHeading() : formatter.title(page.getEntity(), page.getView());
    }

    /** `Saved order "ORD-000123".`, for the details page the save lands on. */
    String saved(Object record) {
        AdminView<Object> view = page.getView();
        return TextBean.text(
                page.isCreating() ? "form.created" : "form.saved",
                formatter.singular(view),
                formatter.title(record, view));
    }

    public String getPasswordLabel() {
        return passwordLabel(page.isCreating());
    }

    /** What the password field is called: "Password", or "New password" on an edit. */
    static String passwordLabel(boolean creating) {
        return TextBean.text(creating ? "form.password" : "form.password.new");
    }

    /** "Confirm password: the passwords do not match.", at the confirmation field. */
    static String passwordMismatch() {
        return TextBean.text(
                "form.fieldMessage", TextBean.text("form.password.confirm"), TextBean.text("form.password.mismatch"));
    }

    /** The view's rules for a new secret, shown before anything is typed (none when it declares none). */
    public Message getPasswordRules() {
        AdminView<Object> view = page.getView();
        return view == null || view.secretWriter() == null
                ? null
                : view.secretWriter().rules();
    }
}
