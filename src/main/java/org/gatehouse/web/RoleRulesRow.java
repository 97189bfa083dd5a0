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

/**
 * One view's panel of a role's rules editor: what applies, where each part comes from, and what
 * the admin typed and chose (bound to the page's inputs for the request).
 */
public class RoleRulesRow {

    /** A property the multi-selects offer: its name as value, its label as text. */
    public record Choice(String name, String label) {}

    private final AdminView<?> view;
    private final String label;
    private final List<Choice> hiddenChoices;
    private final List<Choice> readOnlyChoices;
    private RuleEditor.Rules rules;
    private final RoleGrants grants;
    private String scope;
    private List<String> hidden;
    private List<String> readOnly;
    private String shownVersion;
    private String country;
    private List<String> preview = List.of();

    RoleRulesRow(AdminView<?> view, RuleEditor.Rules rules, Locale locale) {
        this.view = view;
        this.label = Texts.label(locale, view.label());
        List<Choice> choices = view.properties().values().stream()
                .filter(p -> !p.name().equals("id"))
                .map(p -> new Choice(p.name(), Texts.label(locale, p.label())))
                .toList();
        // the title names records on every page: it stays visible
        this.hiddenChoices = choices.stream()
                .filter(c -> !c.name().equals(view.titleProperty()))
                .toList();
        this.readOnlyChoices = choices;
        this.grants = new RoleGrants(view, rules, locale);
        reset(rules);
    }

    /** Shows the rules as they are now (after a load or a save). */
    void reset(RuleEditor.Rules now) {
        this.rules = now;
        this.grants.reset(now);
        this.scope = now.scope().text();
        this.hidden = names(now.hidden().text());
        this.readOnly = names(now.readOnly().text());
        this.shownVersion = now.version() == null ? "" : now.version().toString();
    }

    private static List<String> names(String text) {
        return text == null || text.isBlank()
                ? new ArrayList<>()
                : new ArrayList<>(Arrays.stream(text.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList());
    }

    void showPreview(RuleEditor.Preview result, Locale locale) {
        this.preview = RulePreviewText.lines(result, label, locale);
    }

    /** What Save sends for the scope: null (leave it) when configuration fixes it. */
    String postedScope() {
        return isScopeFixed() ? null : scope == null ? "" : scope;
    }

    String postedHidden() {
        return isHiddenFixed() ? null : String.join(", ", hidden == null ? List.of() : hidden);
    }

    String postedReadOnly() {
        return isReadOnlyFixed() ? null : String.join(", ", readOnly == null ? List.of() : readOnly);
    }

    public RoleGrants getGrants() {
        return grants;
    }

    public String getView() {
        return view.name();
    }

    public String getLabel() {
        return label;
    }

    public List<Choice> getHiddenChoices() {
        return hiddenChoices;
    }

    public List<Choice> getReadOnlyChoices() {
        return readOnlyChoices;
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
        Locale locale = org.gatehouse.web.i18n.TextBean.locale();
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
        Locale locale = org.gatehouse.web.i18n.TextBean.locale();
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

    public String getScope() {
        return scope;
    }

    public void setScope(String scope) {
        this.scope = scope;
    }

    public List<String> getHidden() {
        return hidden;
    }

    public void setHidden(List<String> hidden) {
        this.hidden = hidden;
    }

    public List<String> getReadOnly() {
        return readOnly;
    }

    public void setReadOnly(List<String> readOnly) {
        this.readOnly = readOnly;
    }

    public String getShownVersion() {
        return shownVersion;
    }

    void setShownVersion(String shownVersion) {
        this.shownVersion = shownVersion;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public List<String> getPreview() {
        return preview;
    }
}
