package org.gatehouse.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class TotpTest {

    /** RFC 6238 appendix B's SHA-1 key, "12345678901234567890". */
    private static final String RFC_KEY = Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

    @Test
    void matchesTheRfc6238TestVectors() {
        // appendix B gives 8 digits; six-digit codes are their last six
        assertEquals("287082", Totp.code(RFC_KEY, Totp.step(59)));
        assertEquals("081804", Totp.code(RFC_KEY, Totp.step(1111111109)));
        assertEquals("050471", Totp.code(RFC_KEY, Totp.step(1111111111)));
        assertEquals("005924", Totp.code(RFC_KEY, Totp.step(1234567890)));
        assertEquals("279037", Totp.code(RFC_KEY, Totp.step(2000000000)));
    }

    @Test
    void agreesWithAnIndependentImplementationOnFreshKeys() throws Exception {
        DefaultCodeGenerator other = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6);
        for (int i = 0; i < 50; i++) {
            String key = Totp.newKey();
            assertEquals(32, key.length(), "160 bits in Base32");
            long step = 50_000_000L + i * 7919L;
            assertEquals(other.generate(key, step), Totp.code(key, step), key);
        }
    }

    @Test
    void acceptsOneStepOfDriftEitherWayAndNothingElse() {
        String key = Totp.newKey();
        long now = 60_000_000L;
        for (long drift = -1; drift <= 1; drift++) {
            assertEquals(OptionalLong.of(now + drift), Totp.matchingStep(key, Totp.code(key, now + drift), now));
        }
        for (long far : new long[] {-3, -2, 2, 3}) {
            OptionalLong found = Totp.matchingStep(key, Totp.code(key, now + far), now);
            // a far code may collide with a near one by chance (one in a million); it never matches as itself
            assertTrue(found.isEmpty() || found.getAsLong() != now + far);
        }
    }

    @Test
    void refusesWhatIsNotSixDigits() {
        String key = Totp.newKey();
        String code = Totp.code(key, 10);
        for (String typed : new String[] {
            null,
            "",
            "12345",
            "1234567",
            "12a456",
            " " + code,
            code + "\u0000",
            "\uff11\uff12\uff13\uff14\uff15\uff16",
            "-12345"
        }) {
            assertTrue(Totp.matchingStep(key, typed, 10).isEmpty(), String.valueOf(typed));
        }
    }

    @Test
    void theUriCarriesKeyIssuerAndAccountEscaped() {
        String uri = Totp.uri("Gatehouse", "a+b@example.com", "ABCDEF");
        assertEquals(
                "otpauth://totp/Gatehouse:a%2Bb%40example.com?secret=ABCDEF&issuer=Gatehouse&algorithm=SHA1"
                        + "&digits=6&period=30",
                uri);
    }

    @Test
    void recoveryCodesAreTenDistinctSixtyBitCodesReadInAnyFormat() {
        List<String> codes = RecoveryCodes.newSet();
        assertEquals(10, codes.size());
        assertEquals(10, new HashSet<>(codes).size());
        for (String code : codes) {
            assertTrue(code.matches("[a-km-np-z2-9]{4}-[a-km-np-z2-9]{4}-[a-km-np-z2-9]{4}"), code);
            String normalized = RecoveryCodes.normalize(code);
            assertNotNull(normalized);
            assertEquals(
                    normalized, RecoveryCodes.normalize(" " + code.toUpperCase().replace("-", " ") + " "));
        }
        for (String bad : new String[] {
            null, "", "short", "aaaa-aaaa-aaa", "aaaa-aaaa-aaaa-a", "aaaa-aaaa-aal0", "aaaa\u0000aaaa-aaaa"
        }) {
            assertEquals(null, RecoveryCodes.normalize(bad), String.valueOf(bad));
        }
    }
}
