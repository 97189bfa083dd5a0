package org.gatehouse.web;

import java.util.List;
import java.util.Locale;
import org.gatehouse.i18n.Texts;
import org.gatehouse.metadata.AdminView;

/**
 * The properties the hidden and read-only multi-selects of a view's rules panel offer. Any but the
 * id may be read-only; the title names records on every page, so it cannot be hidden.
 *
 * @param hidden   what may be hidden
 * @param readOnly what may be made read-only
 */
public record RuleChoices(List<Choice> hidden, List<Choice> readOnly) {

    /** A property the multi-selects offer: its name as value, its label as text. */
    public record Choice(String name, String label) {}

    static RuleChoices of(AdminView<?> view, Locale locale) {
        List<Choice> choices = view.properties().values().stream()
                .filter(p -> !p.name().equals("id"))
                .map(p -> new Choice(p.name(), Texts.label(locale, p.label())))
                .toList();
        return new RuleChoices(
                choices.stream()
                        .filter(c -> !c.name().equals(view.titleProperty()))
                        .toList(),
                choices);
    }
}
