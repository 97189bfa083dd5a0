package org.gatehouse.metadata;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What narrows a caller's access to one view: row scopes (a row must match every one of them),
 * hidden properties (never shown, searched, sorted, filtered, exported or written) and read-only
 * properties (shown, never written). A role's rules narrow the access of everyone who holds the
 * role, whatever other roles they hold, the way an explicit deny would; the rules of several roles
 * add up.
 */
public record ViewRules(List<RowScope> scopes, Set<String> hidden, Set<String> readOnly) {

    public static final ViewRules NONE = new ViewRules(List.of(), Set.of(), Set.of());

    public ViewRules {
        scopes = List.copyOf(scopes);
        hidden = Set.copyOf(hidden);
        readOnly = Set.copyOf(readOnly);
    }

    public static ViewRules of(RowScope scope, Set<String> hidden, Set<String> readOnly) {
        return new ViewRules(scope == null ? List.of() : List.of(scope), hidden, readOnly);
    }

    /** Both sets of rules at once: every scope applies, hidden and read-only properties add up. */
    public ViewRules and(ViewRules other) {
        if (other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        List<RowScope> allScopes = new ArrayList<>(scopes);
        allScopes.addAll(other.scopes);
        Set<String> allHidden = new LinkedHashSet<>(hidden);
        allHidden.addAll(other.hidden);
        Set<String> allReadOnly = new LinkedHashSet<>(readOnly);
        allReadOnly.addAll(other.readOnly);
        return new ViewRules(allScopes, allHidden, allReadOnly);
    }

    public boolean isEmpty() {
        return scopes.isEmpty() && hidden.isEmpty() && readOnly.isEmpty();
    }

    public boolean scoped() {
        return !scopes.isEmpty();
    }

    /** Whether the caller may not write this property: hidden or read-only. */
    public boolean fixed(String property) {
        return hidden.contains(property) || readOnly.contains(property);
    }

    /** The first scope, for one role's rules (the editor shows one scope per role and view). */
    public RowScope scope() {
        return scopes.isEmpty() ? null : scopes.get(0);
    }
}
