package org.gatehouse.metadata;

import java.util.Locale;
import org.gatehouse.i18n.Texts;

/**
 * The words around a view's labels in a reader's language. A declaration may give a plain label
 * ("Orders") or a bundle key ({@code view.orders}); a view whose label is a key may add
 * {@code view.orders.count}, the noun after a number ("1 order", "3 orders", "3 Bestellungen").
 */
public final class Labels {

    private Labels() {}

    /** A label (or key) with its {0}... placeholders filled in; a plain label stays as it is. */
    public static String format(Locale locale, String labelOrKey, Object... arguments) {
        if (labelOrKey == null) {
            return "";
        }
        return isKey(labelOrKey) && Texts.has(labelOrKey) ? Texts.format(locale, labelOrKey, arguments) : labelOrKey;
    }

    /** Whether a label is read as a bundle key (as {@link Texts#label} does): one word with a dot. */
    public static boolean isKey(String labelOrKey) {
        return labelOrKey != null && labelOrKey.indexOf(' ') < 0 && labelOrKey.contains(".");
    }

    /**
     * A label as a word inside a sentence: English puts nouns in lower case ("New order"), except
     * words in capitals ("SKU"); German keeps them as they are ("Neue Bestellung").
     */
    public static String inSentence(Locale locale, String label) {
        if (label == null
                || label.isEmpty()
                || Locale.GERMAN.getLanguage().equals(Texts.supported(locale).getLanguage())) {
            return label;
        }
        StringBuilder words = new StringBuilder();
        for (String word : label.split(" ", -1)) {
            if (!words.isEmpty()) {
                words.append(' ');
            }
            boolean acronym = word.length() > 1 && word.chars().noneMatch(Character::isLowerCase);
            words.append(acronym ? word : word.toLowerCase(locale));
        }
        return words.toString();
    }

    /**
     * The noun for a number of records of a view ("orders" for 3, "order" for 1): from the view's
     * {@code .count} text when its label is a key that has one, else its label or singular label
     * as a word in a sentence.
     */
    public static String noun(Locale locale, String label, String singularLabel, long count) {
        String counted = label + ".count";
        if (isKey(label) && Texts.has(counted)) {
            return Texts.format(locale, counted, count);
        }
        return inSentence(locale, Texts.label(locale, count == 1 ? singularLabel : label));
    }

    /** "3 orders", "1 Bestellung": a number and the noun that goes with it. */
    public static String counted(Locale locale, String label, String singularLabel, long count) {
        return Texts.format(locale, "view.counted", count, noun(locale, label, singularLabel, count));
    }

    /**
     * An enum constant as a person reads it: the text {@code enum.<SimpleClassName>.<NAME>}, else
     * the name capitalised ({@code BULK_DELETE} reads "Bulk delete").
     */
    public static String enumLabel(Locale locale, Enum<?> value) {
        if (value == null) {
            return "";
        }
        String key = "enum." + value.getDeclaringClass().getSimpleName() + "." + value.name();
        return Texts.has(key) ? Texts.text(locale, key) : capitalised(value.name());
    }

    /** {@code BULK_DELETE} becomes "Bulk delete". */
    public static String capitalised(String name) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        String words = name.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
