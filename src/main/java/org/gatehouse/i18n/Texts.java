package org.gatehouse.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every text the application shows, looked up by key in the language of the reader. The texts
 * live in one resource bundle per area ({@link #BUNDLES}), English and German, and a key is
 * looked for in each area in turn, so pages and code use plain keys without naming the area.
 */
public final class Texts {

    /** The languages offered; the first is the fallback. */
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN);

    /** The resource bundles' base names, one per area of the application. */
    public static final List<String> BUNDLES = List.of(
            "org.gatehouse.i18n.common",
            "org.gatehouse.i18n.account",
            "org.gatehouse.i18n.admin",
            "org.gatehouse.i18n.dashboard",
            "org.gatehouse.i18n.records",
            "org.gatehouse.i18n.trash",
            "org.gatehouse.i18n.imports");

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Texts() {}

    /** The supported language closest to the given one (English when none fits). */
    public static Locale supported(Locale wanted) {
        if (wanted != null) {
            for (Locale locale : SUPPORTED) {
                if (locale.getLanguage().equals(wanted.getLanguage())) {
                    return locale;
                }
            }
        }
        return SUPPORTED.get(0);
    }

    /** Whether the key names a text in some area (in English, which has every key). */
    public static boolean has(String key) {
        return find(SUPPORTED.get(0), key) != null;
    }

    /** The text for the key, or the key itself between question marks when there is none. */
    public static String text(Locale locale, String key) {
        String text = find(supported(locale), key);
        return text == null ? "???" + key + "???" : text;
    }

    /** The text for the key with its {0}, {1}... placeholders filled in, numbers in the reader's format. */
    public static String format(Locale locale, String key, Object... arguments) {
        String pattern = text(locale, key);
        if (arguments == null || arguments.length == 0) {
            return pattern;
        }
        return new MessageFormat(pattern.replace("'", "''"), supported(locale)).format(arguments);
    }

    /** A label that may be a bundle key (a deployer's view declaration may give either). */
    public static String label(Locale locale, String labelOrKey) {
        if (labelOrKey == null || labelOrKey.indexOf(' ') >= 0 || !labelOrKey.contains(".")) {
            return labelOrKey;
        }
        String text = find(supported(locale), labelOrKey);
        return text == null ? labelOrKey : text;
    }

    private static String find(Locale locale, String key) {
        for (String base : BUNDLES) {
            try {
                ResourceBundle bundle =
                        ResourceBundle.getBundle(base, locale, Texts.class.getClassLoader(), NO_FALLBACK);
                if (bundle.containsKey(key)) {
                    return bundle.getString(key);
                }
            } catch (MissingResourceException missing) {
                // this area has no bundle for the language: the next area may
            }
        }
        return null;
    }
}
