package org.gatehouse.metadata;

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

    /** A secret refused by a rule, with the message the person reads. */
    final class Refused extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public Refused(String message) {
            super(message);
        }
    }
}
