package org.gatehouse.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.PropertyAccess;
import org.gatehouse.metadata.PropertyDescriptor;
import org.gatehouse.persistence.BaseEntity;
import org.gatehouse.service.ConflictException;
import org.gatehouse.service.EntityLookups;
import org.gatehouse.web.i18n.TextBean;
import org.gatehouse.web.i18n.When;
import org.omnifaces.util.Faces;

/**
 * A save that met someone else's change, as the form shows it: the fields whose stored value
 * differs from the one in the form, and what happened in words (who changed it last, when). Kept
 * for the form's view, so that its Reload button still finds the record on the next postback.
 */
@Named("formConflict")
@ViewScoped
public class FormConflict implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A field whose stored value differs from the one in the form; the label may be a bundle key. */
    public record Difference(String label, String theirs, String yours) implements Serializable {}

    @Inject
    private EntityLookups lookups;

    @Inject
    private Formatter formatter;

    @Inject
    private AuditLog audit;

    @Inject
    private When when;

    /** The differing fields of the last conflict; null before one, empty when the record is gone. */
    private List<Difference> differences;

    /** The view and id of the record in conflict, for Reload. */
    private String viewName;

    private Long id;

    /** Shows the conflict of a save: the message at the top of the form, the differing fields below it. */
    void show(AdminView<Object> view, Object edited, ConflictException conflict) {
        differences = conflict.isDeleted() ? List.of() : differences(view, edited);
        viewName = view.name();
        id = ((BaseEntity) edited).getId();
        FormInputs.refuse(null, message(view, conflict));
    }

    /** Throws away the edits and loads the stored record again. */
    public void reload() {
        Faces.redirect("admin/%s/%s/edit", viewName, id);
    }

    public List<Difference> getDifferences() {
        return differences;
    }

    /** The fields of the edited record whose stored value differs from the form's; none when it is gone. */
    private List<Difference> differences(AdminView<Object> view, Object edited) {
        Object current = lookups.find(view, String.valueOf(((BaseEntity) edited).getId()))
                .orElse(null);
        List<Difference> differences = new ArrayList<>();
        if (current == null) {
            return differences;
        }
        for (PropertyDescriptor field : view.formFields()) {
            String theirs = formatter.displayValue(PropertyAccess.get(current, field.name()), field);
            String yours = formatter.displayValue(PropertyAccess.get(edited, field.name()), field);
            if (!theirs.equals(yours)) {
                differences.add(new Difference(field.label(), theirs, yours));
            }
        }
        return differences;
    }

    /** "This record was changed by someone else. Last change by ann, 2 minutes ago. Your changes are not saved." */
    private String message(AdminView<?> view, ConflictException conflict) {
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
