package org.gatehouse.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.gatehouse.audit.AuditAction;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.i18n.Message;
import org.gatehouse.i18n.Texts;
import org.gatehouse.metadata.AdminRegistry;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.JsonTexts;
import org.gatehouse.metadata.PlainText;
import org.gatehouse.metadata.PropertyAccess;
import org.gatehouse.metadata.PropertyDescriptor;
import org.gatehouse.metadata.PropertyKind;
import org.gatehouse.metadata.WriteHook;
import org.gatehouse.persistence.BaseEntity;

/**
 * The steps the writes of {@link EntityService} share, in the caller's transaction: what was sent
 * is checked (plain text, the version the caller saw, the view's write hook), the database's
 * refusals become messages at once, a deleted record goes to its view's trash, and every write is
 * audited. The permission checks are not here: {@link AccessChecks}.
 */
@Dependent
class WriteSteps {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AuditLog audit;

    @Inject
    private AdminRegistry registry;

    @Inject
    private AccessChecks access;

    /**
     * The view as declared, whichever narrowed copy a page passed: writes check and record every
     * property, also those hidden from the caller.
     */
    @SuppressWarnings("unchecked")
    <E> AdminView<E> declared(AdminView<E> view) {
        return (AdminView<E>) registry.view(view.name()).orElse(view);
    }

    /** A view that takes no writes of this kind refuses them, whoever asks. */
    static void requireCapability(boolean allowed, String refusal) {
        if (!allowed) {
            throw new WriteException(null, Message.of(refusal));
        }
    }

    /** Text with control characters never reaches the database, whichever client sent it. */
    static <E> void requirePlainText(AdminView<E> view, E entity) {
        for (PropertyDescriptor property : view.properties().values()) {
            if ((property.kind() == PropertyKind.TEXT || property.kind() == PropertyKind.LONG_TEXT)
                    && PropertyAccess.get(entity, property.name()) instanceof String text
                    && PlainText.hasForbiddenCharacters(text, property.kind() == PropertyKind.LONG_TEXT)) {
                throw new WriteException(property.name(), Message.of("service.controlCharacters"));
            }
        }
    }

    /** The record as loaded now must be the version the caller saw (none given: any). */
    static void requireVersion(Object current, Long seen, String id) {
        if (seen != null && ((BaseEntity) current).getVersion() != seen) {
            throw new ConflictException(id, false);
        }
    }

    /** What the view's {@link WriteHook} decides; its refusal becomes a message at its field. */
    static <T> T hooked(Supplier<T> step) {
        try {
            return step.get();
        } catch (WriteHook.Refused e) {
            throw new WriteException(e.getField(), e.getText());
        }
    }

    /** Makes the change the view's write hook decided; its refusal becomes a message at its field. */
    static <E> void apply(WriteHook.Change<E> change, E entity) {
        hooked(() -> {
            change.apply().accept(entity);
            return change;
        });
    }

    /** Flushes now so that database refusals become messages instead of failures at commit. */
    void flush(AdminView<?> view, String id) {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new ConflictException(id, false);
        } catch (PersistenceException e) {
            throw ConstraintMessages.translate(view.properties().values(), e);
        }
    }

    /**
     * Keeps a record about to be deleted in its view's trash, if the view keeps one; the note its
     * audit entry gets ({@value Trash#NOTE}: the trash entry), or none.
     */
    <E> Map<String, String> moveToTrash(AdminView<E> view, E entity) {
        if (!registry.keepsTrash(view)) {
            return Map.of();
        }
        TrashedRecord kept = Trash.entry(view, entity, access.who());
        em.persist(kept);
        return Map.of(Trash.NOTE, String.valueOf(kept.getId()));
    }

    /** Records the write in the audit log: the record's type, id and title, and the changes. */
    <E> void audit(AdminView<E> view, AuditAction action, E entity, String changes) {
        Object title = PropertyAccess.get(entity, view.titleProperty());
        audit.record(
                action,
                view.type().getSimpleName(),
                String.valueOf(((BaseEntity) entity).getId()),
                title == null ? null : title.toString(),
                changes);
    }

    /** The audit entry's changes with notes beside them (keys beginning with {@code @}). */
    static String withNotes(String changes, Map<String, String> notes) {
        if (notes.isEmpty()) {
            return changes;
        }
        var json = JsonTexts.object(JsonTexts.readObject(changes));
        notes.forEach(json::add);
        return json.build().toString();
    }

    /** The audit entry's changes with the field the write hook wrote, recorded without its value. */
    static String withSecret(String changes, WriteHook.Change<?> extra) {
        return extra.secretField() == null ? changes : AuditLog.withSecret(changes, extra.secretField());
    }

    /** A label (or bundle key) as the log reads it: in English, lower case. */
    static String english(String labelOrKey) {
        return Texts.label(Locale.ENGLISH, labelOrKey).toLowerCase(Locale.ROOT);
    }

    /** A new record as the entity's own constructor makes it: what a create (and a restore) starts from. */
    static <E> E blank(AdminView<E> view) {
        try {
            var constructor = view.type().getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(view.type().getName() + " has no constructor without arguments", e);
        }
    }
}
