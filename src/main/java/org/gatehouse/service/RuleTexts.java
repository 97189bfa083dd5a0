package org.gatehouse.service;

import static org.gatehouse.service.RuleEditor.ACTIONS;
import static org.gatehouse.service.RuleEditor.HIDDEN;
import static org.gatehouse.service.RuleEditor.OPERATIONS;
import static org.gatehouse.service.RuleEditor.READ_ONLY;
import static org.gatehouse.service.RuleEditor.SCOPE;

import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gatehouse.i18n.Message;
import org.gatehouse.identity.Role;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.Roles;
import org.gatehouse.metadata.RowScope;
import org.gatehouse.service.AccessRules.Effective;
import org.gatehouse.service.AccessRules.Source;
import org.gatehouse.service.RuleEditor.Grant;
import org.gatehouse.service.RuleEditor.Rules;

/**
 * The texts of a role's rules as {@link RuleEditor} checks, stores and audits them: each posted part
 * checked against the view, scopes and property lists in one canonical form, the granted operations
 * and actions as stored. Pure but for the metamodel the checks read.
 */
final class RuleTexts {

    private RuleTexts() {}

    /** Each given part checked on its own, so that each problem is shown at its own field. */
    static void requireValid(EntityManager em, AdminView<?> view, Map<String, String> posted) {
        Map<String, String> problems = new LinkedHashMap<>();
        posted.forEach((part, text) -> {
            if (text == null) {
                return;
            }
            try {
                AccessRules.check(
                        em,
                        view,
                        part.equals(SCOPE) ? text : "",
                        part.equals(HIDDEN) ? text : "",
                        part.equals(READ_ONLY) ? text : "");
            } catch (IllegalArgumentException e) {
                problems.put(part, e.getMessage());
            }
        });
        if (!problems.isEmpty()) {
            throw new RuleRefusedException(problems);
        }
    }

    /**
     * The stored text of the operations or actions to grant: the current one when nothing is posted
     * or the posted choice is what applies already; else the choice, in the view's order.
     *
     * @throws RuleRefusedException a posted name is not an operation or action of the view
     * @throws WriteException       the choice changes a grant the page may not change
     */
    static String granted(
            String part,
            List<Grant> shown,
            java.util.Set<String> posted,
            String current,
            AdminView<?> view,
            Role role) {
        if (posted == null) {
            return current;
        }
        List<String> names = shown.stream().map(Grant::name).toList();
        for (String name : posted) {
            if (!names.contains(name)) {
                throw new RuleRefusedException(
                        Map.of(part, "'" + name.replaceAll("\\p{Cntrl}", "?") + "' is not one of " + names));
            }
        }
        boolean same = true;
        for (Grant grant : shown) {
            boolean wanted = posted.contains(grant.name());
            if (wanted != grant.granted()) {
                if (grant.fixed()) {
                    throw new WriteException(
                            part,
                            Roles.ADMIN.equals(role.getName())
                                    ? Message.of("tab.rules.adminGrantsFixed")
                                    : Message.of(
                                            "tab.rules.fixedRefused",
                                            AccessRules.permissionKey(
                                                    view,
                                                    part.equals(OPERATIONS)
                                                            ? grant.name()
                                                            : "ACTION_" + grant.name())));
                }
                same = false;
            }
        }
        return same
                ? current
                : String.join(",", names.stream().filter(posted::contains).toList());
    }

    static Map<String, String> grantTexts(Rules rules) {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put(
                "@" + OPERATIONS,
                String.join(
                        ", ",
                        rules.operations().stream()
                                .filter(Grant::granted)
                                .map(Grant::name)
                                .toList()));
        texts.put(
                "@" + ACTIONS,
                String.join(
                        ", ",
                        rules.actions().stream()
                                .filter(Grant::granted)
                                .map(Grant::name)
                                .toList()));
        return texts;
    }

    static Source source(Effective effective, String part) {
        return switch (part) {
            case SCOPE -> effective.scopeSource();
            case HIDDEN -> effective.hiddenSource();
            default -> effective.readOnlySource();
        };
    }

    static String configPart(String part) {
        return switch (part) {
            case SCOPE -> "SCOPE";
            case HIDDEN -> "HIDDEN";
            default -> "READ_ONLY";
        };
    }

    static String canonicalScope(String text) {
        RowScope scope = RowScope.parse(text);
        return scope == null ? null : scope.toString();
    }

    /** The names in the view's order, so that the same choice always reads the same. */
    static String canonicalNames(AdminView<?> view, String text) {
        var names = AccessRules.names(text);
        return String.join(
                ", ",
                view.properties().keySet().stream().filter(names::contains).toList());
    }

    static Map<String, String> texts(String scope, String hidden, String readOnly) {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("@" + SCOPE, Objects.requireNonNullElse(blankToNull(scope), ""));
        texts.put("@" + HIDDEN, Objects.requireNonNullElse(blankToNull(hidden), ""));
        texts.put("@" + READ_ONLY, Objects.requireNonNullElse(blankToNull(readOnly), ""));
        return texts;
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
