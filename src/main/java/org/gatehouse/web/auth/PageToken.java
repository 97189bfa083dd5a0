package org.gatehouse.web.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret a signed-in session's stateless pages put into their forms, so that a postback is
 * known to come from a page of this session and not from another site (the synchronizer-token
 * pattern). One per session, made at sign-in and kept with the caller in the session; a stateful
 * page is protected by its unguessable view state instead.
 */
public final class PageToken {

    /** The form field that carries it. */
    public static final String PARAMETER = "gatehouse.token";

    private static final SecureRandom RANDOM = new SecureRandom();

    private PageToken() {}

    static String create() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The token of the session's signed-in caller, or {@code null} when nobody is signed in to it. */
    public static String of(Object session) {
        return session instanceof jakarta.servlet.http.HttpSession http
                        && http.getAttribute(SessionFormAuthentication.SIGNED_IN)
                                instanceof SessionFormAuthentication.SignedIn caller
                ? caller.token()
                : null;
    }

    /** Whether a posted value is the session's token, compared in constant time. */
    public static boolean matches(Object session, String posted) {
        String expected = of(session);
        return expected != null
                && posted != null
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.US_ASCII), posted.getBytes(StandardCharsets.UTF_8));
    }
}
