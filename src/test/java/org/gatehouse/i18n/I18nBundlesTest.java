package org.gatehouse.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * English and German are complete: every bundle has the same keys in both, no text is empty,
 * both give the same placeholders, and every key a page or class asks for exists.
 */
class I18nBundlesTest {

    private static final Path BUNDLE_DIR = Path.of("src/main/resources/org/gatehouse/i18n");

    /** Keys named in pages ({@code t['key']}, {@code t.format('key', ...)}) and code ({@code text("key")} etc.). */
    private static final List<Pattern> KEY_USES = List.of(
            Pattern.compile("\\bt\\[['\"]([a-zA-Z0-9_.-]+)['\"]\\]"),
            Pattern.compile("\\bt\\.format\\(['\"]([a-zA-Z0-9_.-]+)['\"]"),
            Pattern.compile(
                    "(?:TextBean\\.text|Message\\.of|Texts\\.text|Texts\\.format|Faces\\w*\\.text)\\(\\s*(?:[a-zA-Z.()]+,\\s*)?\"([a-zA-Z0-9_.-]+)\""));

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");

    @Test
    void everyBundleHasTheSameKeysInEnglishAndGerman() throws IOException {
        List<String> bases = new ArrayList<>(Texts.BUNDLES.stream()
                .map(b -> b.substring(b.lastIndexOf('.') + 1))
                .toList());
        bases.add("faces");
        for (String base : bases) {
            Properties english = load(base + ".properties");
            Properties german = load(base + "_de.properties");
            Set<String> onlyEnglish = new TreeSet<>(english.stringPropertyNames());
            onlyEnglish.removeAll(german.stringPropertyNames());
            Set<String> onlyGerman = new TreeSet<>(german.stringPropertyNames());
            onlyGerman.removeAll(english.stringPropertyNames());
            assertEquals(Set.of(), onlyEnglish, base + ": keys missing in German");
            assertEquals(Set.of(), onlyGerman, base + ": keys missing in English");
            for (String key : english.stringPropertyNames()) {
                assertTrue(
                        !english.getProperty(key).isBlank()
                                && !german.getProperty(key).isBlank(),
                        base + ": empty text " + key);
                for (String text : List.of(english.getProperty(key), german.getProperty(key))) {
                    // pages stay in Latin-1: one character above it makes Faces buffer every page as UTF-16
                    assertTrue(
                            text.chars().allMatch(c -> c <= 0xFF),
                            base + ": " + key + " has a character beyond Latin-1 "
                                    + "(typographic quotes, dashes, arrows): write it with plain characters");
                }
                assertEquals(
                        placeholders(english.getProperty(key)),
                        placeholders(german.getProperty(key)),
                        base + ": placeholders of " + key + " differ between English and German");
            }
        }
    }

    @Test
    void noKeyIsDefinedInTwoAreas() throws IOException {
        Set<String> seen = new TreeSet<>();
        for (String bundle : Texts.BUNDLES) {
            String base = bundle.substring(bundle.lastIndexOf('.') + 1);
            for (String key : load(base + ".properties").stringPropertyNames()) {
                assertTrue(seen.add(key), key + " is defined in more than one area; " + base + " would be shadowed");
            }
        }
    }

    @Test
    void everyKeyThePagesAndClassesUseExists() throws IOException {
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files =
                Stream.concat(Files.walk(Path.of("src/main/webapp")), Files.walk(Path.of("src/main/java")))) {
            for (Path file : files.filter(
                            f -> f.toString().endsWith(".xhtml") || f.toString().endsWith(".java"))
                    .toList()) {
                String source = Files.readString(file);
                for (Pattern use : KEY_USES) {
                    Matcher matcher = use.matcher(source);
                    while (matcher.find()) {
                        String key = matcher.group(1);
                        for (Locale locale : Texts.SUPPORTED) {
                            if (Texts.text(locale, key).startsWith("???")) {
                                missing.add(file.getFileName() + ": " + key + " (" + locale + ")");
                            }
                        }
                    }
                }
            }
        }
        assertEquals(Set.of(), missing, "keys used but not in the bundles");
    }

    @Test
    void formattedTextsFollowTheLanguage() {
        assertEquals("vor 3 Minuten", Texts.format(Locale.GERMAN, "time.minutesAgo", 3));
        assertEquals("1 minute ago", Texts.format(Locale.ENGLISH, "time.minutesAgo", 1));
        assertEquals("Sprache", Texts.text(Locale.forLanguageTag("de-AT"), "layout.language"));
        assertEquals("Language", Texts.text(Locale.JAPANESE, "layout.language"));
        assertEquals("Orders", Texts.label(Locale.GERMAN, "Orders"));
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static Properties load(String file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(BUNDLE_DIR.resolve(file), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
