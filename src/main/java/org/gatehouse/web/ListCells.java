package org.gatehouse.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.Locale;
import org.gatehouse.i18n.Texts;
import org.gatehouse.metadata.Labels;
import org.gatehouse.metadata.PropertyDescriptor;
import org.gatehouse.web.i18n.When;

/**
 * How a list shows a value, in the reader's language: numbers in their format (amounts with two
 * decimals), yes and no, an enum constant as a badge with its readable name, moments in the
 * reader's time zone (recent ones as "3 minutes ago" with the exact time as tooltip), and long
 * texts truncated with the whole text as tooltip. Exports keep the plain {@link Formatter} texts.
 */
@ApplicationScoped
public class ListCells {

    /** Texts longer than this are cut with an ellipsis (by the style sheet) and shown whole as tooltip. */
    static final int TRUNCATED_FROM = 40;

    /** Badge colours: an enum constant's ordinal picks one, so each constant of a small enum has its own. */
    static final int BADGE_TONES = 6;

    @Inject
    private Formatter formatter;

    @Inject
    private When when;

    public ListCell cell(Object row, PropertyDescriptor column, Locale locale) {
        Object value = formatter.value(row, column);
        if (value == null) {
            return ListCell.EMPTY;
        }
        return switch (column.kind()) {
            case INTEGER ->
                ListCell.of(
                        value instanceof Number number && !"id".equals(column.name())
                                ? NumberFormat.getIntegerInstance(locale).format(number)
                                : String.valueOf(value));
            case DECIMAL ->
                ListCell.of(value instanceof Number number ? decimal(number, locale) : String.valueOf(value));
            case BOOLEAN -> ListCell.of(Texts.text(locale, Boolean.TRUE.equals(value) ? "common.yes" : "common.no"));
            case ENUM -> value instanceof Enum<?> constant ? badge(constant, locale) : text(String.valueOf(value));
            case DATE_TIME -> moment(value);
            case DATE ->
                value instanceof LocalDate date ? ListCell.of(when.date(date)) : ListCell.of(String.valueOf(value));
            default -> text(formatter.format(value, column));
        };
    }

    /** Two decimals at least, all the value has at most: 1,234.50 and 0.125, never rounded. */
    static String decimal(Number number, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        int scale = number instanceof BigDecimal decimal ? decimal.scale() : 6;
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(Math.max(2, Math.min(scale, 10)));
        return format.format(number);
    }

    static ListCell badge(Enum<?> constant, Locale locale) {
        return new ListCell(
                Labels.enumLabel(locale, constant), null, "gh-badge gh-badge-" + constant.ordinal() % BADGE_TONES);
    }

    /** A text on one line; a long one is truncated by the style sheet and whole in its tooltip. */
    static ListCell text(String text) {
        String line = text.replaceAll("\\s*[\\r\\n]+\\s*", " ");
        return line.length() > TRUNCATED_FROM ? new ListCell(line, text, "gh-truncate") : ListCell.of(line);
    }

    private ListCell moment(Object value) {
        String exact = when.exact(value);
        String relative = when.relative(value);
        return relative.equals(exact) ? ListCell.of(exact) : new ListCell(relative, exact, null);
    }
}
