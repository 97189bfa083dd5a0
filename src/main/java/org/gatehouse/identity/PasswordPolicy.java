package org.gatehouse.identity;

/** The rules every new password must pass, wherever it is set. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private PasswordPolicy() {
    }

    /** Throws an {@link IdentityException} on the {@code password} field naming the rule that failed. */
    public static void check(String password, String email) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw new IdentityException("password", "Password must be at least " + MIN_LENGTH + " characters long");
        }
        if (password.codePointCount(0, password.length()) > MAX_LENGTH) {
            throw new IdentityException("password", "Password must be at most " + MAX_LENGTH + " characters long");
        }
        if (email != null && password.strip().equalsIgnoreCase(email.strip())) {
            throw new IdentityException("password", "Password must not be the email address");
        }
    }
}
