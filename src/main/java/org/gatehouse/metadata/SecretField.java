package org.gatehouse.metadata;

import java.util.Set;
import org.gatehouse.i18n.Message;

/**
 * The write hook of a view whose {@code property} keeps what a secret typed into its forms
 * becomes (see {@link AdminViewDeclaration#password}): a new record needs one; an edit without one
 * keeps the stored value; a typed one is checked and stored by the view's {@link SecretWriter}.
 * Forms and audit entries call it {@value #FIELD}.
 */
public record SecretField<E>(String property, SecretWriter<E> writer) implements WriteHook<E> {

    /** The form field the secret is typed into, and the name its audit entries give it. */
    public static final String FIELD = "password";

    @Override
    public Change<E> onCreate(String typed) {
        if (typed == null || typed.isEmpty()) {
            throw new Refused(FIELD, Message.of("service.required"));
        }
        return written(typed);
    }

    @Override
    public Change<E> onUpdate(E stored, String typed) {
        if (typed == null || typed.isEmpty()) {
            Object kept = PropertyAccess.get(stored, property);
            return new Change<>(Set.of(), null, edited -> PropertyAccess.set(edited, property, kept));
        }
        return written(typed);
    }

    private Change<E> written(String typed) {
        return new Change<>(Set.of(property), FIELD, entity -> {
            try {
                writer.write(entity, typed);
            } catch (SecretWriter.Refused e) {
                throw new Refused(FIELD, e.getText());
            }
        });
    }
}
