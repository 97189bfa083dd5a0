package org.gatehouse.web.i18n;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import org.gatehouse.i18n.Texts;

/**
 * The reader's language and time zone, kept in two cookies: the language the switcher chose
 * (otherwise the browser's {@code Accept-Language} decides) and the time zone the browser reports
 * (otherwise UTC). Neither is a secret or a permission; both are read strictly.
 */
public final class Language {

    public static final String COOKIE = "gatehouse.lang";

    public static final String TIME_ZONE_COOKIE = "gatehouse.tz";

    /** The switcher's value for "follow the browser". */
    public static final String AUTOMATIC = "auto";

    private static final int YEAR = 365 * 24 * 3600;

    private Language() {}

    /** The supported language chosen in the switcher, if any. */
    public static Optional<Locale> chosen(HttpServletRequest request) {
        return cookie(request, COOKIE).flatMap(Language::parse);
    }

    /** A supported language tag (for example {@code de}), or empty for anything else. */
    public static Optional<Locale> parse(String tag) {
        if (tag == null || tag.length() > 8) {
            return Optional.empty();
        }
        return Texts.SUPPORTED.stream()
                .filter(locale -> locale.getLanguage().equals(tag))
                .findFirst();
    }

    /** The language for a request: the chosen one, else the browser's best supported one, else English. */
    public static Locale of(HttpServletRequest request) {
        Optional<Locale> chosen = chosen(request);
        if (chosen.isPresent()) {
            return chosen.get();
        }
        for (var locales = request.getLocales(); locales.hasMoreElements(); ) {
            Locale wanted = locales.nextElement();
            if (Texts.SUPPORTED.stream().anyMatch(l -> l.getLanguage().equals(wanted.getLanguage()))) {
                return Texts.supported(wanted);
            }
        }
        return Texts.SUPPORTED.get(0);
    }

    /** Sets (or with null clears) the chosen language for this browser. */
    public static void choose(HttpServletRequest request, HttpServletResponse response, String tag) {
        set(request, response, COOKIE, tag);
    }

    /** Sets a preference cookie for a year (or with null clears it). */
    static void set(HttpServletRequest request, HttpServletResponse response, String name, String value) {
        Cookie cookie = new Cookie(name, value == null ? "" : value);
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setMaxAge(value == null ? 0 : YEAR);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }

    /** The time zone the browser reported, UTC when it reported none or one that does not exist. */
    public static ZoneId timeZone(HttpServletRequest request) {
        return cookie(request, TIME_ZONE_COOKIE).flatMap(Language::zone).orElse(ZoneOffset.UTC);
    }

    static Optional<ZoneId> zone(String id) {
        // only the zone database's region names: offsets would give endless spellings of the same zone
        if (id == null || id.length() > 64 || !(ZoneId.getAvailableZoneIds().contains(id) || "UTC".equals(id))) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(id));
        } catch (DateTimeException unknown) {
            return Optional.empty();
        }
    }

    static Optional<String> cookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (name.equals(cookie.getName())) {
                return Optional.ofNullable(cookie.getValue());
            }
        }
        return Optional.empty();
    }
}
