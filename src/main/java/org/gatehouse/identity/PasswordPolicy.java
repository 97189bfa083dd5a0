package org.gatehouse.identity;

/**
 * The rules every new password must pass, wherever it is set (NIST SP 800-63B style): 12 to 128
 * characters, not only spaces, not one of the 10,000 most common passwords, not the email
 * address, and not guessable by the zxcvbn strength estimator (repeats, sequences, keyboard
 * patterns, dictionary words with substitutions, the user's own address): a score of at least 3
 * of 4, i.e. more than about 10^8 guesses.
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

    private static final com.nulabinc.zxcvbn.Zxcvbn STRENGTH = new com.nulabinc.zxcvbn.Zxcvbn();
    static final int MIN_SCORE = 3;

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
        if (password.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c))) {
            throw new IdentityException("password", "Password must not be only spaces");
        }
        if (COMMON.contains(password.strip().toLowerCase(java.util.Locale.ROOT))) {
            throw new IdentityException("password", "This password is one of the most common ones; choose another");
        }
        if (email != null && password.strip().equalsIgnoreCase(email.strip())) {
            throw new IdentityException("password", "Password must not be the email address");
        }
        java.util.List<String> own = new java.util.ArrayList<>(java.util.List.of("gatehouse", "admin", "password"));
        if (email != null) {
            String address = email.strip().toLowerCase(java.util.Locale.ROOT);
            own.add(address);
            own.add(address.split("@")[0]);
            own.addAll(java.util.List.of(address.split("[@.+_-]")));
        }
        var strength = STRENGTH.measure(password, own);
        if (strength.getScore() < MIN_SCORE) {
            String warning = strength.getFeedback().getWarning();
            throw new IdentityException("password", "This password is too easy to guess"
                    + (warning == null || warning.isBlank() ? "" : " (" + warning.replaceAll("\\.$", "") + ")")
                    + "; use a few unrelated words or more varied characters");
        }
    }
}
