package org.gatehouse.web;

import java.util.List;
import java.util.Locale;
import org.gatehouse.i18n.Texts;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.service.RuleEditor;

/**
 * One view's panel of a role's rules editor: what the admin typed and chose (bound to the page's
 * inputs for the request), with the stored rules as {@link RuleParts} and the properties the
 * multi-selects offer as {@link RuleChoices}.
 */
public class RoleRulesRow {

    private final AdminView<?> view;
    private final String label;
    private final RuleChoices choices;
    private final RoleGrants grants;
    private RuleParts parts;
    private String scope;
    private List<String> hidden;
    private List<String> readOnly;
    private String shownVersion;
    private String country;
    private List<String> preview = List.of();

    RoleRulesRow(AdminView<?> view, RuleEditor.Rules rules, Locale locale) {
        this.view = view;
        this.label = Texts.label(locale, view.label());
        this.choices = RuleChoices.of(view, locale);
        this.grants = new RoleGrants(view, rules, locale);
        reset(rules);
    }

    /** Shows the rules as they are now (after a load or a save). */
    void reset(RuleEditor.Rules now) {
        this.parts = new RuleParts(view, now);
        this.grants.reset(now);
        this.scope = now.scope().text();
        this.hidden = RuleParts.names(now.hidden().text());
        this.readOnly = RuleParts.names(now.readOnly().text());
        this.shownVersion = now.version() == null ? "" : now.version().toString();
    }

    void showPreview(RuleEditor.Preview result, Locale locale) {
        this.preview = RulePreviewText.lines(result, label, locale);
    }

    /** What Save sends for the scope: null (leave it) when configuration fixes it. */
    String postedScope() {
        return parts.isScopeFixed() ? null : scope == null ? "" : scope;
    }

    String postedHidden() {
        return parts.isHiddenFixed() ? null : String.join(", ", hidden == null ? List.of() : hidden);
    }

    String postedReadOnly() {
        return parts.isReadOnlyFixed() ? null : String.join(", ", readOnly == null ? List.of() : readOnly);
    }

    public String getView() {
        return view.name();
    }

    public String getLabel() {
        return label;
    }

    public RuleChoices getChoices() {
        return choices;
    }

    public RoleGrants getGrants() {
        return grants;
    }

    public RuleParts getParts() {
        return parts;
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
