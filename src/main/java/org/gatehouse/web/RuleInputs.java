package org.gatehouse.web;

import java.util.Map;
import java.util.regex.Pattern;
import org.gatehouse.service.RuleEditor;
import org.gatehouse.web.i18n.TextBean;
import org.omnifaces.util.Faces;

/** The inputs of the Permissions tab's rules editor as a postback names them: their client ids and labels. */
final class RuleInputs {

    private static final Pattern RULES_BUTTON = Pattern.compile("(?:.*:)?(?:saveRules|previewRules)-[A-Za-z0-9_-]+");
    private static final String SOURCE = "jakarta.faces.source";

    private RuleInputs() {}

    /** Whether the request names a Save or Preview button of the rules (as its source or a posted name). */
    static boolean namesRulesButton() {
        Map<String, String> parameters = Faces.getRequestParameterMap();
        String source = parameters.get(SOURCE);
        return source != null && RULES_BUTTON.matcher(source).matches()
                || parameters.keySet().stream()
                        .anyMatch(name -> RULES_BUTTON.matcher(name).matches());
    }

    /** The client id of a part's input in a view's panel (or of the panel), from the button that posted. */
    static String clientId(String view, String part) {
        String source = Faces.getRequestParameterMap().getOrDefault(SOURCE, "");
        String prefix = source.contains(":") ? source.substring(0, source.lastIndexOf(':') + 1) : "details:tabs:";
        return prefix + (part == null ? "rules" : part) + "-" + view;
    }

    /** A part of the rules as the reader knows it. */
    static String label(String part) {
        return switch (part) {
            case RuleEditor.SCOPE -> TextBean.text("tab.rules.scope");
            case RuleEditor.HIDDEN -> TextBean.text("tab.rules.hidden");
            case RuleEditor.READ_ONLY -> TextBean.text("tab.rules.readOnly");
            case RuleEditor.OPERATIONS, RuleEditor.ACTIONS -> TextBean.text("tab.rules.grants");
            default -> TextBean.text("tab.rules.country");
        };
    }
}
