package org.gatehouse.web.i18n;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;

/**
 * Light or dark: PrimeFaces' Saga theme and its dark variant Vela, chosen in the footer or, by
 * default, following the system's preference through the style sheets' media queries.
 */
public final class Theme {

    public static final String COOKIE = "gatehouse.theme";

    public static final String SYSTEM = "system";

    public static final List<String> MODES = List.of(SYSTEM, "light", "dark");

    private Theme() {}

    /** The chosen mode, "system" unless the reader chose light or dark. */
    public static String of(HttpServletRequest request) {
        return Language.cookie(request, COOKIE).filter(MODES::contains).orElse(SYSTEM);
    }

    static void choose(HttpServletRequest request, HttpServletResponse response, String mode) {
        Language.set(request, response, COOKIE, SYSTEM.equals(mode) ? null : mode);
    }

    /** The media query under which the light theme applies. */
    public static String lightMedia(String mode) {
        return switch (mode) {
            case "light" -> "all";
            case "dark" -> "not all";
            default -> "(prefers-color-scheme: light), (prefers-color-scheme: no-preference)";
        };
    }

    /** The media query under which the dark theme applies. */
    public static String darkMedia(String mode) {
        return switch (mode) {
            case "light" -> "not all";
            case "dark" -> "all";
            default -> "(prefers-color-scheme: dark)";
        };
    }
}
