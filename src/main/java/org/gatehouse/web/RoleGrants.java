package org.gatehouse.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.gatehouse.i18n.Texts;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.service.RuleEditor;

/**
 * The operations and bulk actions of one view's panel on a role's Permissions tab: what the role
 * has, what the admin ticks, and which of them the page may not change (the admin role's, and
 * those configuration fixes), which are shown but always sent as they are.
 */
public class RoleGrants {

    /** One tick box: an operation or action by name, its label, and whether the page may change it. */
    public record Choice(String name, String label, boolean fixed) {}

    private final List<Choice> operationChoices;
    private final List<Choice> actionChoices;
    private List<RuleEditor.Grant> operationsNow;
    private List<RuleEditor.Grant> actionsNow;
    private List<String> operations;
    private List<String> actions;

    RoleGrants(AdminView<?> view, RuleEditor.Rules rules, Locale locale) {
        this.operationChoices = rules.operations().stream()
                .map(grant -> new Choice(grant.name(), Texts.text(locale, operationKey(grant.name())), grant.fixed()))
                .toList();
        this.actionChoices = rules.actions().stream()
                .map(grant -> new Choice(
                        grant.name(),
                        view.action(grant.name())
                                .map(action -> Texts.label(locale, action.label()))
                                .orElse(grant.name()),
                        grant.fixed()))
                .toList();
        reset(rules);
    }

    /** The column heading's key of an operation on the tab, which reads it the same way. */
    private static String operationKey(String operation) {
        return switch (operation) {
            case "VIEW" -> "tab.permissions.read";
            case "CREATE" -> "tab.permissions.create";
            case "EDIT" -> "tab.permissions.edit";
            default -> "tab.permissions.delete";
        };
    }

    void reset(RuleEditor.Rules now) {
        operationsNow = now.operations();
        actionsNow = now.actions();
        operations = granted(now.operations());
        actions = granted(now.actions());
    }

    private static List<String> granted(List<RuleEditor.Grant> grants) {
        return new ArrayList<>(grants.stream()
                .filter(RuleEditor.Grant::granted)
                .map(RuleEditor.Grant::name)
                .toList());
    }

    /** Whether the page may change none of them (then they are shown as text). */
    public boolean isFixed() {
        return operationChoices.stream().allMatch(Choice::fixed)
                && actionChoices.stream().allMatch(Choice::fixed);
    }

    /** The ticked ones the page may change, and the fixed ones as they are: what Save sends. */
    Set<String> postedOperations() {
        return posted(operations, operationsNow);
    }

    Set<String> postedActions() {
        return posted(actions, actionsNow);
    }

    private static Set<String> posted(List<String> ticked, List<RuleEditor.Grant> now) {
        Set<String> posted = new LinkedHashSet<>();
        for (RuleEditor.Grant grant : now) {
            if (grant.fixed() ? grant.granted() : ticked != null && ticked.contains(grant.name())) {
                posted.add(grant.name());
            }
        }
        return posted;
    }

    /** The granted ones' labels, for showing fixed grants as text. */
    public String getSummary() {
        List<String> labels = new ArrayList<>();
        operationChoices.stream().filter(c -> operations.contains(c.name())).forEach(c -> labels.add(c.label()));
        actionChoices.stream().filter(c -> actions.contains(c.name())).forEach(c -> labels.add(c.label()));
        return String.join(", ", labels);
    }

    public List<Choice> getOperationChoices() {
        return operationChoices;
    }

    public List<Choice> getActionChoices() {
        return actionChoices;
    }

    public List<String> getOperations() {
        return operations;
    }

    public void setOperations(List<String> operations) {
        this.operations = operations;
    }

    public List<String> getActions() {
        return actions;
    }

    public void setActions(List<String> actions) {
        this.actions = actions;
    }
}
