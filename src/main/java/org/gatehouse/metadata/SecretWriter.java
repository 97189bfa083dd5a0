package org.gatehouse.metadata;

import org.gatehouse.i18n.Message;

/**
 * How a view's secret (a password typed into its forms) becomes what is stored: the view that
 * declares a password property says how it is checked and hashed, so that the generic service
 * knows no password rule and no hash.
 *
 * @param <E> the view's entity
 */
@FunctionalInterface
public interface SecretWriter<E> {

    /**
     * Checks the typed secret and stores what the record keeps of it.
     *
     * @throws Refused when the secret breaks a rule; its message is shown at the field
     */
    void write(E entity, String secret);

    /** What the form says about a new secret before anything is typed (the password rules); none by default. */
    default Message rules() {
        return null;
    }

    /** A writer whose form shows the given rules under the secret's field. */
    static <E> SecretWriter<E> withRules(Message rules, SecretWriter<E> writer) {
        return new SecretWriter<>() {
            @Override
            public void write(E entity, String secret) {
                writer.write(entity, secret);
            }

            @Override
            public Message rules() {
                return rules;
            }
        };
    }

    /** A secret refused by a rule, with the message the person reads (in English as the exception's message). */
    final class Refused extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final Message text;

        public Refused(Message text) {
            super(text.toString());
            this.text = text;
        }

        /** Which rule the secret broke, for the page to say in the reader's language. */
        public Message getText() {
            return text;
        }
    }
}
