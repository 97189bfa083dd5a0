package org.gatehouse.web;

import java.util.function.UnaryOperator;
import org.gatehouse.i18n.Texts;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.service.WriteException;
import org.gatehouse.web.i18n.TextBean;

/** A service's refusal of a write as a page says it: "Label: what is wrong", or the sentence alone. */
final class Refusals {

    private Refusals() {}

    /** The refusal with its field named by the field's label in the view. */
    static String text(AdminView<?> view, WriteException refusal) {
        return text(
                refusal,
                field -> view.property(field)
                        .map(p -> Texts.label(TextBean.locale(), p.label()))
                        .orElse(null));
    }

    /** The refusal with its field named by {@code label} (which may answer null: then the sentence stands alone). */
    static String text(WriteException refusal, UnaryOperator<String> label) {
        String text = refusal.getText().text(TextBean.locale());
        String field = refusal.getField() == null ? null : label.apply(refusal.getField());
        return field == null ? text : field + ": " + text;
    }
}
