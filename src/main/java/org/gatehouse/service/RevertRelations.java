package org.gatehouse.service;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.gatehouse.metadata.AdminRegistry;
import org.gatehouse.metadata.Operation;
import org.gatehouse.metadata.PropertyDescriptor;
import org.gatehouse.metadata.PropertyKind;
import org.gatehouse.metadata.TextValues;
import org.gatehouse.metadata.ValueText;
import org.gatehouse.service.RecordHistory.Remark;

/**
 * The related records a reverted relation goes back to, found within the caller's reach (through
 * {@link EntityService}, which applies their permissions and row scopes).
 */
final class RevertRelations {

    private static final int LABEL_CANDIDATES = 200;

    private final AccessChecks access;
    private final EntityLookups lookups;
    private final AdminRegistry registry;

    RevertRelations(AccessChecks access, EntityLookups lookups, AdminRegistry registry) {
        this.access = access;
        this.lookups = lookups;
        this.registry = registry;
    }

    /** What a relation resolves to when it cannot be reverted; the reason is among the problems. */
    static final Object UNRESOLVED = new Object();

    /**
     * The related record(s) a relation goes back to: by the ids the entry kept, or, for entries
     * written before ids were kept, by their labels when those name exactly one record each. A
     * record that no longer exists (or lies outside the caller's reach) is a problem, not a gap.
     */
    Object resolve(PropertyDescriptor property, RecordedChanges.Recorded recorded, List<Remark> problems) {
        Class<?> type = property.javaType();
        var relatedView = registry.viewOf(type);
        List<String> keys =
                recorded.referenced() ? TextValues.ids(recorded.oldRef()) : TextValues.labels(recorded.old());
        if (keys.isEmpty()) {
            return property.kind() == PropertyKind.TO_MANY ? new LinkedHashSet<>() : null;
        }
        if (relatedView.isEmpty() || !access.can(relatedView.get(), Operation.VIEW)) {
            // never the recorded label: it names a record of a view the caller may not read
            problems.add(new Remark("revert.problem.relationHidden", property.name(), null));
            return UNRESOLVED;
        }
        Set<Object> found = new LinkedHashSet<>();
        for (String key : keys) {
            Object one = recorded.referenced()
                    ? lookups.findByType(type, key).orElse(null)
                    : byLabel(property, key, problems);
            if (one == UNRESOLVED) {
                return UNRESOLVED;
            }
            if (one == null) {
                // never the recorded label: the record may exist outside the caller's row scope
                problems.add(new Remark("revert.problem.gone", property.name(), null));
                return UNRESOLVED;
            }
            found.add(one);
        }
        return property.kind() == PropertyKind.TO_MANY
                ? found
                : found.iterator().next();
    }

    private Object byLabel(PropertyDescriptor property, String label, List<Remark> problems) {
        List<?> matches =
                lookups.suggest(property.javaType(), property.relatedLabel(), label, LABEL_CANDIDATES).stream()
                        .filter(candidate -> label.equals(ValueText.label(candidate, property)))
                        .toList();
        if (matches.size() > 1) {
            problems.add(new Remark("revert.problem.ambiguous", property.name(), label));
            return UNRESOLVED;
        }
        return matches.isEmpty() ? null : matches.get(0);
    }
}
