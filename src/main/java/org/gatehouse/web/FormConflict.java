package org.gatehouse.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.PropertyAccess;
import org.gatehouse.metadata.PropertyDescriptor;
import org.gatehouse.persistence.BaseEntity;
import org.gatehouse.service.ConflictException;
import org.gatehouse.service.EntityService;
import org.gatehouse.web.i18n.TextBean;
import org.gatehouse.web.i18n.When;

/**
 * A save that met someone else's change, as the form shows it: the fields whose stored value
 * differs from the one in the form, and what happened in words (who changed it last, when).
 */
@RequestScoped
public class FormConflict {

    @Inject
    private EntityService service;

    @Inject
    private Formatter formatter;

    @Inject
    private AuditLog audit;

    @Inject
    private When when;

    /** The fields of the edited record whose stored value differs from the form's; none when it is gone. */
    List<FormPageBacking.Difference> differences(AdminView<Object> view, Object edited) {
        Object current = service.find(view, String.valueOf(((BaseEntity) edited).getId()))
                .orElse(null);
        List<FormPageBacking.Difference> differences = new ArrayList<>();
        if (current == null) {
            return differences;
        }
        for (PropertyDescriptor field : view.formFields()) {
            String theirs = formatter.displayValue(PropertyAccess.get(current, field.name()), field);
            String yours = formatter.displayValue(PropertyAccess.get(edited, field.name()), field);
            if (!theirs.equals(yours)) {
                differences.add(new FormPageBacking.Difference(field.label(), theirs, yours));
            }
        }
        return differences;
    }

    /** "This record was changed by someone else. Last change by ann, 2 minutes ago. Your changes are not saved." */
    String message(AdminView<?> view, ConflictException conflict) {
        List<String> sentences = new ArrayList<>();
        sentences.add(conflict.getText().text(TextBean.locale()));
        audit.latest(view.type().getSimpleName(), conflict.getId())
                .ifPresent(entry -> sentences.add(TextBean.text(
                        "form.conflict.lastChange",
                        entry.getActor() == null ? TextBean.text("form.conflict.unknownUser") : entry.getActor(),
                        when.relative(entry.getAt()))));
        if (!conflict.isDeleted()) {
            sentences.add(TextBean.text("form.conflict.notSaved"));
        }
        return String.join(" ", sentences);
    }
}
