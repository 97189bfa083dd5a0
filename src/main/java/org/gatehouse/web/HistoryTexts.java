package org.gatehouse.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.i18n.Texts;
import org.gatehouse.metadata.AdminRegistry;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.Labels;
import org.gatehouse.metadata.PropertyDescriptor;
import org.gatehouse.metadata.PropertyKind;
import org.gatehouse.service.ConflictException;
import org.gatehouse.service.RecordHistory;
import org.gatehouse.service.Trash;
import org.gatehouse.web.i18n.TextBean;

/**
 * The History tab's words for the record of the details page: the audit trail names fields by
 * property (or a marker such as {@code @action}) and keeps stable English values; the reader sees
 * labels and values in their language.
 */
@Named("historyText")
@RequestScoped
public class HistoryTexts {

    /** The parts of a role's rules as its history records them (see {@link org.gatehouse.service.RuleEditor}). */
    private static final Map<String, String> RULE_FIELDS = Map.of(
            "@view",
            "tab.rules.view",
            "@scope",
            "tab.rules.scope",
            "@hidden",
            "tab.rules.hidden",
            "@readOnly",
            "tab.rules.readOnly");

    /** The markers of the trail that are not properties, with their labels. */
    private static final Map<String, String> MARKERS = Map.of(
            "@action",
            "details.history.bulkAction",
            RecordHistory.REVERT_OF,
            "revert.history.revertOf",
            RecordHistory.RESTORE_OF,
            "revert.history.restoreOf",
            Trash.NOTE,
            "trash.history.note");

    @Inject
    private AdminRegistry registry;

    @Inject
    private DetailsPageBacking details;

    /** A changed field of the history as the reader knows it: by its label, not its property name. */
    public String fieldLabel(String field) {
        AdminView<?> view = details.getView();
        if (MARKERS.containsKey(field) || RULE_FIELDS.containsKey(field)) {
            return TextBean.text(MARKERS.getOrDefault(field, RULE_FIELDS.get(field)));
        }
        if (secret(view, field)) {
            return TextBean.text("form.password");
        }
        return view.property(field)
                .map(p -> Texts.label(TextBean.locale(), p.label()))
                .orElse(field);
    }

    /**
     * A value of the history as the reader knows it. The trail keeps stable English words ("Yes",
     * {@code SHIPPED}); yes/no, enum constants, bulk actions and secrets read in the reader's language.
     */
    public String historyValue(String field, String value) {
        AdminView<?> view = details.getView();
        if (value == null || value.isEmpty()) {
            return value;
        } else if (field.equals("@view")) {
            return registry.view(value)
                    .map(v -> Texts.label(TextBean.locale(), v.label()))
                    .orElse(value);
        } else if (field.equals(RecordHistory.REVERT_OF) || field.equals(RecordHistory.RESTORE_OF)) {
            return TextBean.text("revert.history.entry", value);
        } else if (field.equals(Trash.NOTE)) {
            return TextBean.text("trash.history.entry", value);
        } else if (field.equals("@action")) {
            return view.action(value)
                    .map(a -> Texts.label(TextBean.locale(), a.label()))
                    .orElse(value);
        } else if (AuditLog.CHANGED.equals(value) && secret(view, field)) {
            return TextBean.text("details.history.secretChanged");
        }
        PropertyDescriptor property = view.property(field).orElse(null);
        if (property != null && property.kind() == PropertyKind.BOOLEAN) {
            return value.equals("Yes")
                    ? TextBean.text("common.yes")
                    : value.equals("No") ? TextBean.text("common.no") : value;
        }
        if (property != null
                && property.kind() == PropertyKind.ENUM
                && property.choices().contains(value)) {
            return Arrays.stream(property.javaType().getEnumConstants())
                    .map(c -> (Enum<?>) c)
                    .filter(c -> c.name().equals(value))
                    .findFirst()
                    .map(c -> Labels.enumLabel(TextBean.locale(), c))
                    .orElse(value);
        }
        return value;
    }

    /** A problem or note of a revert's preview in the reader's language, with the field's label. */
    public String remark(RecordHistory.Remark remark) {
        String field = remark.field() == null ? "" : fieldLabel(remark.field());
        return TextBean.text(remark.key(), field, remark.value() == null ? "" : remark.value());
    }

    /** The preview's problems, then its notes, for the page's list. */
    public List<RecordHistory.Remark> remarks(RecordHistory.Preview preview) {
        return preview == null
                ? List.of()
                : Stream.concat(preview.problems().stream(), preview.notes().stream())
                        .toList();
    }

    /** A revert that met a later change: the service's sentence, then that the preview now shows the record as it is. */
    String conflict(ConflictException conflict) {
        return conflict.getText().text(TextBean.locale()) + " " + TextBean.text("revert.conflict");
    }

    /** What a revert did, for the details page it lands on. */
    String reverted(RecordHistory.Mode mode) {
        return TextBean.text(mode == RecordHistory.Mode.CHANGE ? "revert.done.change" : "revert.done.version");
    }

    private static boolean secret(AdminView<?> view, String field) {
        return field.equals(view.passwordProperty()) || field.equals("password");
    }
}
