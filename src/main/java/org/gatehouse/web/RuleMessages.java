package org.gatehouse.web;

import org.gatehouse.metadata.RowScope;
import org.gatehouse.service.RuleRefusedException;
import org.gatehouse.service.WriteException;
import org.gatehouse.web.i18n.TextBean;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * The rules editor's words: the scope's syntax hint, and its answers when the service refuses a Save or Preview: each at the input of the
 * view's panel it concerns (or at the panel), and the request marked failed so the panel keeps
 * what the admin typed.
 */
final class RuleMessages {

    private RuleMessages() {}

    /** "{user.id}, {user.email}, {user.country}" (what a scope may compare with) and a scope as example. */
    static String syntaxHint() {
        String attributes = String.join(
                ", ",
                RowScope.USER_ATTRIBUTES.stream().map(a -> "{user." + a + "}").toList());
        return TextBean.text("tab.rules.syntax", attributes, "customer.country = {user.country}");
    }

    /** Each problem of a refused rule at its input. */
    static void refused(RoleRulesRow row, RuleRefusedException refusal) {
        refusal.getProblems()
                .forEach((part, problem) ->
                        error(row, part, TextBean.text("tab.rules.problem", RuleInputs.label(part), problem)));
    }

    /** A refused write at the part it names ("Scope: ..."), or at the panel when it names none. */
    static void refused(RoleRulesRow row, WriteException refusal) {
        error(row, refusal.getField(), Refusals.text(refusal, RuleInputs::label));
    }

    /**
     * Someone saved the view's rules since the page showed them. The version shown stays, so saving
     * again conflicts again until the page is reloaded.
     */
    static void conflict(RoleRulesRow row) {
        row.setShownVersion(Faces.getRequestParameterMap().getOrDefault(RoleRulesTab.SHOWN_VERSION, ""));
        error(row, null, TextBean.text("tab.rules.conflict"));
    }

    /**
     * @param part the part of the rules whose input gets the message, null for the panel
     */
    static void error(RoleRulesRow row, String part, String text) {
        Messages.addError(RuleInputs.clientId(row.getView(), part), text);
        Faces.validationFailed();
    }
}
