package org.gatehouse.metadata;

import java.util.Set;
import java.util.function.Consumer;
import org.gatehouse.i18n.Message;

/**
 * What a view adds to the generic writes of its records: a value its forms carry beside the
 * record's own properties (the users view's password, typed twice and never shown) that the view
 * checks and turns into what is stored. The generic service asks the hook on every create and
 * edit and knows no password rule, hash or field. A view declaring a password property gets
 * {@link SecretField} (see {@link AdminView#writeHook}); every other view gets {@link #none}.
 *
 * @param <E> the view's entity
 */
public interface WriteHook<E> {

    /** What a new record gets from the value typed beside its properties ({@code null}: none typed). */
    Change<E> onCreate(String typed);

    /** What an edited copy of {@code stored} gets from the value typed beside its properties. */
    Change<E> onUpdate(E stored, String typed);

    /** The hook of a view that adds nothing to its writes. */
    static <E> WriteHook<E> none() {
        return new WriteHook<>() {
            @Override
            public Change<E> onCreate(String typed) {
                return Change.none();
            }

            @Override
            public Change<E> onUpdate(E stored, String typed) {
                return Change.none();
            }
        };
    }

    /**
     * What a hook will do to the record being written, decided before it does it (so that the
     * service can ask for a fresh proof of identity first): the properties it sets, which a
     * {@link StepUpRule} may name; the field its audit entry records as changed without its
     * value, if any; and the change itself, which may still be {@link Refused}.
     */
    record Change<E>(Set<String> properties, String secretField, Consumer<E> apply) {

        public Change {
            properties = Set.copyOf(properties);
        }

        public static <E> Change<E> none() {
            return new Change<>(Set.of(), null, entity -> {});
        }
    }

    /** A typed value refused by a rule: the form field it belongs to and what is shown there. */
    final class Refused extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final String field;
        private final transient Message text;

        public Refused(String field, Message text) {
            super(text.toString());
            this.field = field;
            this.text = text;
        }

        public String getField() {
            return field;
        }

        public Message getText() {
            return text;
        }
    }
}
