package org.gatehouse.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.i18n.Message;
import org.gatehouse.identity.RoleRule;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.JsonTexts;
import org.gatehouse.metadata.ViewRules;
import org.gatehouse.service.AccessRules.Effective;
import org.gatehouse.service.AccessRules.Source;
import org.gatehouse.service.RuleEditor.Rules;

/**
 * What a save of a role's rules for one view stores ({@link RuleEditor#save}): each part as posted,
 * in its canonical form, or, when not posted, as stored or else as declared; the operations and
 * actions granted. Also what refuses a save before it is worked out (a posted part that
 * configuration fixes) and the audit text of one that is made. Pure.
 */
record RuleChange(String scope, String hidden, String readOnly, String operations, String actions) {

    /**
     * The change a save makes.
     *
     * @param declared what the view declares for the role
     * @param stored   the role's stored rule for the view; null when none
     * @param scope    the posted text of the part; null: as it is (so also {@code hidden}, {@code readOnly})
     */
    static RuleChange of(
            AdminView<?> view,
            ViewRules declared,
            RoleRule stored,
            String scope,
            String hidden,
            String readOnly,
            String operations,
            String actions) {
        return new RuleChange(
                scope != null
                        ? RuleTexts.canonicalScope(scope)
                        : stored != null ? stored.getRowScope() : declaredScope(declared),
                hidden != null
                        ? RuleTexts.canonicalNames(view, hidden)
                        : stored != null ? stored.getHiddenFields() : String.join(", ", declared.hidden()),
                readOnly != null
                        ? RuleTexts.canonicalNames(view, readOnly)
                        : stored != null ? stored.getReadOnlyFields() : String.join(", ", declared.readOnly()),
                operations,
                actions);
    }

    /** The posted texts of the parts by name ({@link RuleEditor#SCOPE} and the others), null for those not posted. */
    static Map<String, String> posted(String scope, String hidden, String readOnly) {
        Map<String, String> posted = new LinkedHashMap<>();
        posted.put(RuleEditor.SCOPE, scope);
        posted.put(RuleEditor.HIDDEN, hidden);
        posted.put(RuleEditor.READ_ONLY, readOnly);
        return posted;
    }

    /**
     * Refuses a posted part (non-null value of {@code posted}) that configuration fixes for the role.
     *
     * @throws WriteException naming the part and the configuration key that fixes it
     */
    static void refuseFixed(AdminView<?> view, String role, Effective before, Map<String, String> posted) {
        for (Map.Entry<String, String> part : posted.entrySet()) {
            if (part.getValue() != null && RuleTexts.source(before, part.getKey()) == Source.CONFIGURED) {
                throw new WriteException(
                        part.getKey(),
                        Message.of(
                                "tab.rules.fixedRefused",
                                AccessRules.key(view, role, RuleTexts.configPart(part.getKey()))));
            }
        }
    }

    /** Whether storing this changes anything: its parts against those stored (or else declared), its grants against those stored. */
    boolean changes(RoleRule stored, ViewRules declared) {
        Map<String, String> before = stored != null
                ? RuleTexts.texts(stored.getRowScope(), stored.getHiddenFields(), stored.getReadOnlyFields())
                : RuleTexts.texts(
                        declaredScope(declared),
                        String.join(", ", declared.hidden()),
                        String.join(", ", declared.readOnly()));
        return !before.equals(RuleTexts.texts(scope, hidden, readOnly))
                || !Objects.equals(operations, stored == null ? null : stored.getOperations())
                || !Objects.equals(actions, stored == null ? null : stored.getActions());
    }

    /** Puts the change on the rule, as made by {@code who}. */
    void applyTo(RoleRule rule, String who) {
        rule.change(scope, hidden, readOnly, who);
        rule.grant(operations, actions, who);
    }

    /**
     * The audit text of a save: the parts that apply and the grants, before and after, and the view.
     *
     * @param shown the rules as the editor showed them; {@code now} as they are after the save
     */
    static String auditText(String viewName, Effective before, Rules shown, Effective after, Rules now) {
        Map<String, String> beforeTexts = RuleTexts.texts(before.scope(), before.hidden(), before.readOnly());
        beforeTexts.putAll(RuleTexts.grantTexts(shown));
        Map<String, String> afterTexts = RuleTexts.texts(after.scope(), after.hidden(), after.readOnly());
        afterTexts.putAll(RuleTexts.grantTexts(now));
        String diff = AuditLog.diff(beforeTexts, afterTexts);
        return JsonTexts.object(JsonTexts.readObject(diff))
                .add("@view", viewName)
                .build()
                .toString();
    }

    private static String declaredScope(ViewRules declared) {
        return declared.scope() == null ? null : declared.scope().toString();
    }
}
