package org.gatehouse.identity;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nulabinc.zxcvbn.Feedback;
import java.util.Locale;
import org.gatehouse.i18n.Message;
import org.junit.jupiter.api.Test;

/** Each rule of the password policy, with the message that names it, in English and German. */
class PasswordPolicyTest {

    private static String refusal(String password, String email) {
        return assertThrows(IdentityException.class, () -> PasswordPolicy.check(password, email))
                .getMessage();
    }

    @Test
    void namesTheRuleThatFailed() {
        assertTrue(refusal("short", null).contains("at least 12"));
        assertTrue(refusal("x".repeat(129), null).contains("at most 128"));
        assertTrue(refusal("1qaz2wsx3edc", null).contains("most common"), "a common password, even long enough");
        assertTrue(refusal("1QAZ2WSX3EDC", null).contains("most common"), "in any case");
        assertTrue(refusal("someone@example.com", "someone@example.com").contains("email"));
        assertTrue(refusal(" ".repeat(12), null).contains("only spaces"));
        assertTrue(refusal("\t \u00a0".repeat(4), null).contains("only spaces"), "any whitespace");
    }

    @Test
    void refusesGuessablePasswordsOfAnyLength() {
        for (String guessable : new String[] {
            "aaaaaaaaaaaa",
            "abcdefghijkl",
            "123456789012",
            "qwertyuiopas",
            "passwordpassword",
            "Password1234!",
            "zyxwvutsrqpo",
            "abcabcabcabc",
            "P@ssw0rd2026!"
        }) {
            assertTrue(refusal(guessable, null).contains("too easy to guess"), guessable);
        }
        assertTrue(
                refusal("margaret.hamilton1", "margaret.hamilton@example.com").contains("too easy to guess"),
                "not built from one's own address");
        assertDoesNotThrow(
                () -> PasswordPolicy.check("margaret.hamilton1", "someone@example.com"),
                "the same password is fine for someone else");
    }

    @Test
    void saysWhyInTheReadersLanguage() {
        Message tooShort = assertThrows(IdentityException.class, () -> PasswordPolicy.check("short", null))
                .getText();
        assertEquals("Password must be at least 12 characters long", tooShort.text(Locale.ENGLISH));
        assertEquals("Das Passwort muss mindestens 12 Zeichen lang sein", tooShort.text(Locale.GERMAN));
        Message repeated = assertThrows(IdentityException.class, () -> PasswordPolicy.check("abcabcabcabc", null))
                .getText();
        assertTrue(repeated.text(Locale.ENGLISH).contains("repeats like"), repeated.text(Locale.ENGLISH));
        assertTrue(repeated.text(Locale.GERMAN).contains("Wiederholungen"), repeated.text(Locale.GERMAN));
        assertEquals(
                "password",
                assertThrows(IdentityException.class, () -> PasswordPolicy.check("short", null))
                        .getField());
    }

    @Test
    void everyWarningOfTheEstimatorHasAReason() {
        for (String warning : new String[] {
            Feedback.DICTIONARY_WARNING_PASSWORDS_TOP10,
            Feedback.DICTIONARY_WARNING_PASSWORDS_TOP100,
            Feedback.DICTIONARY_WARNING_PASSWORDS_VERY_COMMON,
            Feedback.DICTIONARY_WARNING_PASSWORDS_SIMILAR,
            Feedback.DICTIONARY_WARNING_ENGLISH_WIKIPEDIA_ITSELF,
            Feedback.DICTIONARY_WARNING_ETC_NAMES_THEMSELVES,
            Feedback.DICTIONARY_WARNING_ETC_NAMES_COMMON,
            Feedback.SPATIAL_WARNING_STRAIGHT_ROWS_OF_KEYS,
            Feedback.SPATIAL_WARNING_SHORT_KEYBOARD_PATTERNS,
            Feedback.REPEAT_WARNING_LIKE_AAA,
            Feedback.REPEAT_WARNING_LIKE_ABCABCABC,
            Feedback.SEQUENCE_WARNING_LIKE_ABCOR6543,
            Feedback.REGEX_WARNING_RECENT_YEARS,
            Feedback.DATE_WARNING_DATES
        }) {
            Message reason = PasswordPolicy.guessable(warning);
            assertTrue(reason.key().startsWith("identity.password.guessable."), warning + " gets a reason of its own");
            assertTrue(reason.text(Locale.ENGLISH).contains("too easy to guess ("), warning);
        }
        assertEquals(Message.of("identity.password.guessable"), PasswordPolicy.guessable(""));
        assertEquals(Message.of("identity.password.guessable"), PasswordPolicy.guessable("feedback.something.new"));
    }

    @Test
    void theRulesAreShownBeforeTyping() {
        assertTrue(PasswordPolicy.rules().text(Locale.ENGLISH).startsWith("At least 12 characters (up to 128)."));
        assertTrue(
                PasswordPolicy.rules().text(Locale.GERMAN).startsWith("Mindestens 12 Zeichen (h\u00f6chstens 128)."));
    }

    @Test
    void acceptsAGoodPassword() {
        assertDoesNotThrow(() -> PasswordPolicy.check("violet-harbour-trumpet-7", "someone@example.com"));
        assertDoesNotThrow(() -> PasswordPolicy.check("ünïcödé-pässwörd-✓", null));
    }
}
