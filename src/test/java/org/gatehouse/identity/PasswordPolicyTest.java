package org.gatehouse.identity;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Each rule of the password policy, with the message that names it. */
class PasswordPolicyTest {

    private static String refusal(String password, String email) {
        return assertThrows(IdentityException.class, () -> PasswordPolicy.check(password, email)).getMessage();
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
        for (String guessable : new String[] {"aaaaaaaaaaaa", "abcdefghijkl", "123456789012", "qwertyuiopas",
            "passwordpassword", "Password1234!", "zyxwvutsrqpo", "abcabcabcabc", "P@ssw0rd2026!"}) {
            assertTrue(refusal(guessable, null).contains("too easy to guess"), guessable);
        }
        assertTrue(refusal("margaret.hamilton1", "margaret.hamilton@example.com").contains("too easy to guess"),
                "not built from one's own address");
        assertDoesNotThrow(() -> PasswordPolicy.check("margaret.hamilton1", "someone@example.com"),
                "the same password is fine for someone else");
    }

    @Test
    void acceptsAGoodPassword() {
        assertDoesNotThrow(() -> PasswordPolicy.check("violet-harbour-trumpet-7", "someone@example.com"));
        assertDoesNotThrow(() -> PasswordPolicy.check("ünïcödé-pässwörd-✓", null));
    }
}
