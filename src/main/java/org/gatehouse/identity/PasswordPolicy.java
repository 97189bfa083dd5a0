package org.gatehouse.identity;

/**
 * The rules every new password must pass, wherever it is set (NIST SP 800-63B style): 12 to 128
 * characters, not one of the 10,000 most common passwords, not the email address.
 */
public final class PasswordPolicy {

    private static final java.util.Set<String> COMMON = loadCommonPasswords();

    private static java.util.Set<String> loadCommonPasswords() {
        try (var in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt");
                var reader = new java.io.BufferedReader(new java.io.InputStreamReader(
                        java.util.Objects.requireNonNull(in, "common-passwords.txt"),
                        java.nio.charset.StandardCharsets.UTF_8))) {
            return reader.lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                    .map(line -> line.strip().toLowerCase(java.util.Locale.ROOT))
                    .collect(java.util.stream.Collectors.toUnmodifiableSet());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

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
        if (COMMON.contains(password.strip().toLowerCase(java.util.Locale.ROOT))) {
            throw new IdentityException("password", "This password is one of the most common ones; choose another");
        }
        if (email != null && password.strip().equalsIgnoreCase(email.strip())) {
            throw new IdentityException("password", "Password must not be the email address");
        }
    }
}
