package org.gatehouse.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.gatehouse.i18n.Texts;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.PropertyDescriptor;
import org.gatehouse.service.AccessRules.Source;
import org.gatehouse.service.RuleEditor;
import org.gatehouse.web.i18n.TextBean;

/**
 * The stored rules of one view's panel on a role's Permissions tab as the page shows them: which
 * parts configuration fixes, where each part comes from, and a fixed part as text.
 */
public class RuleParts {

    private final AdminView<?> view;
    private final RuleEditor.Rules rules;

    RuleParts(AdminView<?> view, RuleEditor.Rules rules) {
        this.view = view;
        this.rules = rules;
    }

    /** The property names of a hidden or read-only part as stored ("total, notes"). */
    static List<String> names(String text) {
        return text == null || text.isBlank()
                ? new ArrayList<>()
                : new ArrayList<>(Arrays.stream(text.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList());
    }

    public boolean isScopeFixed() {
        return rules.scope().fixed();
    }

    public boolean isHiddenFixed() {
        return rules.hidden().fixed();
    }

    public boolean isReadOnlyFixed() {
        return rules.readOnly().fixed();
    }

    private RuleEditor.Part part(String part) {
        return switch (part) {
            case RuleEditor.SCOPE -> rules.scope();
            case RuleEditor.HIDDEN -> rules.hidden();
            default -> rules.readOnly();
        };
    }

    /** The badge of a part: "declared", "edited" or "fixed by configuration: KEY". */
    public String source(String part) {
        RuleEditor.Part shown = part(part);
        Locale locale = TextBean.locale();
        return shown.source() == Source.CONFIGURED
                ? Texts.format(locale, "tab.rules.source.configured", shown.key())
                : Texts.text(
                        locale,
                        shown.source() == Source.EDITED ? "tab.rules.source.edited" : "tab.rules.source.declared");
    }

    /** A part's kind of source, for the badge's style: declared, edited or configured. */
    public String sourceKind(String part) {
        return part(part).source().name().toLowerCase(Locale.ROOT);
    }

    /** The labels of the properties a fixed part names, for showing it as text. */
    public String fixedLabels(String part) {
        List<String> names = names((part.equals(RuleEditor.HIDDEN) ? rules.hidden() : rules.readOnly()).text());
        Locale locale = TextBean.locale();
        return String.join(
                ", ",
                names.stream()
                        .map(name -> view.property(name)
                                .map(PropertyDescriptor::label)
                                .map(l -> Texts.label(locale, l))
                                .orElse(name))
                        .toList());
    }

    /** The scope that applies, for showing it as text when it is fixed. */
    public String getAppliedScope() {
        return rules.scope().text();
    }
}
