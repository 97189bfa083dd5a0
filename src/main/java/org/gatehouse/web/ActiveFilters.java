package org.gatehouse.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.gatehouse.i18n.Texts;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.PropertyDescriptor;
import org.gatehouse.metadata.PropertyKind;
import org.gatehouse.service.ListRequest;

/**
 * The search and filters a list is narrowed by, as chips above its table ("Status: Shipped"),
 * each with the address of the same list without it, so one click removes it. Values read as the
 * filter form offers them: enum constants and relations by name, numbers and dates in the
 * reader's format.
 */
public final class ActiveFilters {

    /**
     * One chip.
     *
     * @param parameter the URL parameter it stands for ({@code q}, {@code status}, {@code total.from})
     * @param text      what it reads, "Status: Shipped"
     * @param removeUrl the list without it
     */
    public record Chip(String parameter, String text, String removeUrl) {}

    private ActiveFilters() {}

    /**
     * @param base       the list's address without a query
     * @param relations  the options of a relation filter (value, label), or {@code null} when it has none
     * @param dates      a date as the reader reads it
     */
    static List<Chip> of(
            AdminView<?> view,
            ListRequest request,
            String base,
            Locale locale,
            Function<PropertyDescriptor, List<FilterChoices.Choice>> relations,
            Function<LocalDate, String> dates) {
        List<Chip> chips = new ArrayList<>();
        if (request.search() != null) {
            chips.add(chip("q", Texts.text(locale, "filter.search"), request.search(), base, request, locale));
        }
        for (Map.Entry<String, String> parameter :
                ListUrls.filterParameters(request).entrySet()) {
            String key = parameter.getKey();
            boolean from = key.endsWith(".from");
            boolean to = key.endsWith(".to");
            PropertyDescriptor property =
                    view.properties().get(from || to ? key.substring(0, key.lastIndexOf('.')) : key);
            if (property == null) {
                continue;
            }
            String label = Texts.label(locale, property.label());
            String name;
            if (from) {
                name = Texts.format(locale, "filter.from", label);
            } else if (to) {
                name = Texts.format(locale, "filter.to", label);
            } else if (property.kind() == PropertyKind.TEXT || property.kind() == PropertyKind.LONG_TEXT) {
                name = Texts.format(locale, "filter.contains", label);
            } else {
                name = label;
            }
            String value = value(property, parameter.getValue(), locale, relations, dates);
            chips.add(chip(key, name, value, base, request, locale));
        }
        return chips;
    }

    private static Chip chip(
            String parameter, String name, String value, String base, ListRequest request, Locale locale) {
        String query = ListUrls.queryWithout(request, parameter);
        return new Chip(
                parameter,
                Texts.format(locale, "filter.chip", name, value),
                query.isEmpty() ? base : base + "?" + query);
    }

    /** A filter's URL value as the filter form names it. Values here passed the list's checks already. */
    static String value(
            PropertyDescriptor property,
            String value,
            Locale locale,
            Function<PropertyDescriptor, List<FilterChoices.Choice>> relations,
            Function<LocalDate, String> dates) {
        try {
            return switch (property.kind()) {
                case ENUM -> FilterChoices.enumLabel(property, value, locale);
                case BOOLEAN -> Texts.text(locale, Boolean.parseBoolean(value) ? "common.yes" : "common.no");
                case INTEGER -> NumberFormat.getIntegerInstance(locale).format(Long.parseLong(value));
                case DECIMAL -> ListCells.decimal(new BigDecimal(value), locale);
                case DATE, DATE_TIME -> value.length() == 10 ? dates.apply(LocalDate.parse(value)) : value;
                case TO_ONE, TO_MANY -> {
                    List<FilterChoices.Choice> choices = relations.apply(property);
                    yield choices == null
                            ? "#" + value
                            : choices.stream()
                                    .filter(c -> c.value().equals(value))
                                    .map(FilterChoices.Choice::label)
                                    .findFirst()
                                    .orElse("#" + value);
                }
                default -> value;
            };
        } catch (RuntimeException unreadable) {
            return value;
        }
    }
}
