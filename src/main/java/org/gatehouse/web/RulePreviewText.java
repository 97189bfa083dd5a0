package org.gatehouse.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gatehouse.i18n.Texts;
import org.gatehouse.service.RuleEditor;

/** A rules preview in words: whom a scope lets see how many of a view's records. */
final class RulePreviewText {

    private RulePreviewText() {}

    /** One sentence per holder (or country) of the role, "nobody" when it has none. */
    static List<String> lines(RuleEditor.Preview result, String viewLabel, Locale locale) {
        String total = result.total().message().text(locale);
        List<String> lines = new ArrayList<>();
        if (!result.scoped()) {
            lines.add(Texts.format(locale, "tab.rules.preview.unscoped", total, viewLabel));
        }
        for (RuleEditor.PreviewLine line : result.lines()) {
            String visible = line.visible().message().text(locale);
            if (line.email() == null) {
                lines.add(Texts.format(locale, "tab.rules.preview.country", line.country(), visible, total, viewLabel));
            } else if (line.country() == null) {
                lines.add(Texts.format(
                        locale, "tab.rules.preview.holderNoCountry", line.email(), visible, total, viewLabel));
            } else {
                lines.add(Texts.format(
                        locale, "tab.rules.preview.holder", line.email(), line.country(), visible, total, viewLabel));
            }
        }
        if (result.lines().isEmpty()) {
            lines.add(Texts.text(locale, "tab.rules.preview.nobody"));
        }
        return lines;
    }
}
