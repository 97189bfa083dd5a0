package org.gatehouse.metadata;

import java.util.Set;

/**
 * Which writes of a view are dangerous enough to need a fresh proof of identity (password, and
 * code when enrolled) besides the caller's role: whole operations (creating users, editing roles),
 * or edits that change particular properties (a user's roles or password). Bulk deletes and large
 * exports need one on every view.
 */
public record StepUpRule(Set<Operation> operations, Set<String> changedProperties) {

    public static final StepUpRule NONE = new StepUpRule(Set.of(), Set.of());

    public StepUpRule {
        operations = Set.copyOf(operations);
        changedProperties = Set.copyOf(changedProperties);
    }

    public boolean requiredFor(Operation operation) {
        return operations.contains(operation);
    }

    public boolean requiredWhenChanged(String property) {
        return changedProperties.contains(property);
    }
}
