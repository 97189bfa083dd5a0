package org.gatehouse.service;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gatehouse.i18n.Texts;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.PropertyDescriptor;
import org.gatehouse.metadata.PropertyKind;
import org.gatehouse.metadata.TextValues;

/**
 * What the columns of an imported file mean: which property a header names (suggested from the
 * property's name and its label in every language, so an export in German reads back as well as
 * one in English), and each cell's value, read as {@link TextValues} reads what the export wrote.
 * Pure: no I/O, no container.
 */
public final class ImportColumns {

    /** What the export puts before a cell a spreadsheet would run as a formula. */
    static final String FORMULA_STARTS = "=+-@\t\r";

    /** The column that names the record to update. */
    public static final String ID = "id";

    private ImportColumns() {}

    /**
     * The properties a file's columns may fill: the id, then the view's columns and form fields
     * (as the caller sees the view: hidden properties are not offered).
     */
    public static Map<String, PropertyDescriptor> targets(AdminView<?> seen) {
        Map<String, PropertyDescriptor> targets = new LinkedHashMap<>();
        seen.property(ID).ifPresent(id -> targets.put(ID, id));
        seen.columns().forEach(p -> targets.putIfAbsent(p.name(), p));
        seen.formFields().stream()
                .filter(p -> !p.name().equals(seen.passwordProperty()))
                .forEach(p -> targets.putIfAbsent(p.name(), p));
        return targets;
    }

    /**
     * The suggested property for each header cell (null: none), never one property twice: a header
     * equal to a property's name or to its label in a supported language, ignoring case, accents,
     * spaces and punctuation.
     */
    public static List<String> suggest(List<String> header, AdminView<?> seen) {
        Map<String, PropertyDescriptor> targets = targets(seen);
        List<String> mapping = new ArrayList<>();
        for (String name : header) {
            String wanted = plain(name);
            String found = null;
            for (PropertyDescriptor property : targets.values()) {
                if (mapping.contains(property.name())) {
                    continue;
                }
                boolean named = wanted.equals(plain(property.name()));
                for (Locale locale : Texts.SUPPORTED) {
                    named |= wanted.equals(plain(Texts.label(locale, property.label())));
                }
                if (named && !wanted.isEmpty()) {
                    found = property.name();
                    break;
                }
            }
            mapping.add(found);
        }
        return mapping;
    }

    /** Lower case letters and digits only, accents removed. */
    static String plain(String text) {
        String decomposed = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /**
     * A cell as the value's text: the export's defusing quote taken off ({@code '=1+2} was the
     * text {@code =1+2}; {@code ''x} was {@code 'x}).
     */
    public static String undefused(String cell) {
        if (cell != null
                && cell.length() > 1
                && cell.charAt(0) == '\''
                && (FORMULA_STARTS.indexOf(cell.charAt(1)) >= 0 || cell.charAt(1) == '\'')) {
            return cell.substring(1);
        }
        return cell;
    }

    /**
     * Whether a cell would be a formula in a spreadsheet: it begins with one of {@value #FORMULA_STARTS}
     * without the export's quote. Such a cell never comes from an export; it is refused, not stored,
     * so that it cannot come back out as a formula elsewhere. A minus before a number of a numeric
     * property is a negative number.
     */
    public static boolean looksLikeFormula(String cell, PropertyDescriptor property) {
        if (cell == null || cell.isEmpty() || FORMULA_STARTS.indexOf(cell.charAt(0)) < 0) {
            return false;
        }
        boolean numeric = property.kind() == PropertyKind.INTEGER || property.kind() == PropertyKind.DECIMAL;
        return !(numeric && cell.matches("-\\d[\\d.]*"));
    }

    /**
     * The value of a cell for a property that is no relation.
     *
     * @throws TextValues.Unreadable when the text is no value of the property
     */
    public static Object value(String cell, PropertyDescriptor property) {
        return TextValues.parse(undefused(cell), property);
    }
}
