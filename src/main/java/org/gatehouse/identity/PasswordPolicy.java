package org.gatehouse.identity;

import com.nulabinc.zxcvbn.Feedback;
import org.gatehouse.i18n.Message;

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
            return reader.lines()
                    .filter(line -> !line.startsWith("#") && !line.isBlank())
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

    private PasswordPolicy() {}

    /** The rules in a sentence, for the hint under a new-password field (shown before typing). */
    public static Message rules() {
        return Message.of("identity.password.rules", MIN_LENGTH, MAX_LENGTH);
    }

    /** Throws an {@link IdentityException} on the {@code password} field naming the rule that failed. */
    public static void check(String password, String email) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw refused(Message.of("identity.password.tooShort", MIN_LENGTH));
        }
        if (password.codePointCount(0, password.length()) > MAX_LENGTH) {
            throw refused(Message.of("identity.password.tooLong", MAX_LENGTH));
        }
        if (password.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c))) {
            throw refused(Message.of("identity.password.onlySpaces"));
        }
        if (COMMON.contains(password.strip().toLowerCase(java.util.Locale.ROOT))) {
            throw refused(Message.of("identity.password.common"));
        }
        if (email != null && password.strip().equalsIgnoreCase(email.strip())) {
            throw refused(Message.of("identity.password.isEmail"));
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
            // without a bundle the estimator names its warning by key, which says why in any language
            throw refused(
                    guessable(strength.getFeedback().withResourceBundle(null).getWarning(java.util.Locale.ROOT)));
        }
    }

    /** Why the estimator found the password guessable, from its warning key (empty when it gave none). */
    static Message guessable(String warning) {
        return switch (warning == null ? "" : warning) {
            case Feedback.DICTIONARY_WARNING_PASSWORDS_TOP10,
                    Feedback.DICTIONARY_WARNING_PASSWORDS_TOP100,
                    Feedback.DICTIONARY_WARNING_PASSWORDS_VERY_COMMON,
                    Feedback.DICTIONARY_WARNING_PASSWORDS_SIMILAR -> Message.of("identity.password.guessable.common");
            case Feedback.DICTIONARY_WARNING_ENGLISH_WIKIPEDIA_ITSELF -> Message.of("identity.password.guessable.word");
            case Feedback.DICTIONARY_WARNING_ETC_NAMES_THEMSELVES, Feedback.DICTIONARY_WARNING_ETC_NAMES_COMMON ->
                Message.of("identity.password.guessable.names");
            case Feedback.SPATIAL_WARNING_STRAIGHT_ROWS_OF_KEYS, Feedback.SPATIAL_WARNING_SHORT_KEYBOARD_PATTERNS ->
                Message.of("identity.password.guessable.keyboard");
            case Feedback.REPEAT_WARNING_LIKE_AAA, Feedback.REPEAT_WARNING_LIKE_ABCABCABC ->
                Message.of("identity.password.guessable.repeat");
            case Feedback.SEQUENCE_WARNING_LIKE_ABCOR6543 -> Message.of("identity.password.guessable.sequence");
            case Feedback.REGEX_WARNING_RECENT_YEARS, Feedback.DATE_WARNING_DATES ->
                Message.of("identity.password.guessable.dates");
            default -> Message.of("identity.password.guessable");
        };
    }

    private static IdentityException refused(Message why) {
        return new IdentityException("password", why);
    }
}
