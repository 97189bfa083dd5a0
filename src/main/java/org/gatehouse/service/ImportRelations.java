package org.gatehouse.service;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gatehouse.metadata.AdminRegistry;
import org.gatehouse.metadata.Operation;
import org.gatehouse.metadata.PropertyDescriptor;
import org.gatehouse.metadata.PropertyKind;
import org.gatehouse.metadata.TextValues;
import org.gatehouse.metadata.ValueText;

/**
 * The related records the relation cells of one import name, by label or else by id, found through
 * {@link EntityService} so that nothing outside the caller's reach is ever named. Lives for one
 * import ({@link ImportRows}) and remembers what it resolved: a label repeated on many rows is
 * looked up once.
 */
final class ImportRelations {

    /** How many records a label is compared with when a relation is named by label. */
    private static final int LABEL_CANDIDATES = 200;

    /** A relation that cannot be resolved; its message is a bundle key. */
    static final class RelationProblem extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RelationProblem(String key) {
            super(key, null, false, false);
        }
    }

    private final AccessChecks access;
    private final EntityLookups lookups;
    private final AdminRegistry registry;
    /** What each property and key resolved to: a record, or the bundle key saying why there is none. */
    private final Map<String, Object> resolved = new HashMap<>();

    ImportRelations(AccessChecks access, EntityLookups lookups, AdminRegistry registry) {
        this.access = access;
        this.lookups = lookups;
        this.registry = registry;
    }

    /**
     * The related record(s) a cell names.
     *
     * @throws RelationProblem when the related view is not the caller's to read, or a name fits no
     *                         record or several
     */
    Object related(PropertyDescriptor property, String text) {
        boolean many = property.kind() == PropertyKind.TO_MANY;
        List<String> keys = many ? TextValues.labels(text) : text.isEmpty() ? List.of() : List.of(text);
        if (keys.isEmpty()) {
            return many ? new LinkedHashSet<>() : null;
        }
        var relatedView = registry.viewOf(property.javaType());
        if (relatedView.isEmpty() || !access.can(relatedView.get(), Operation.VIEW)) {
            throw new RelationProblem("import.error.relationHidden");
        }
        Set<Object> found = new LinkedHashSet<>();
        for (String key : keys) {
            Object one = resolved.computeIfAbsent(property.name() + '\n' + key, k -> resolve(property, key));
            if (one instanceof String problem) {
                throw new RelationProblem(problem);
            }
            found.add(one);
        }
        return many ? found : found.iterator().next();
    }

    /** The one record a label or id names, or the bundle key saying why there is none. */
    private Object resolve(PropertyDescriptor property, String key) {
        List<?> matches = lookups.suggest(property.javaType(), property.relatedLabel(), key, LABEL_CANDIDATES).stream()
                .filter(candidate -> key.equals(ValueText.label(candidate, property)))
                .toList();
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.size() > 1) {
            return "import.error.relationAmbiguous";
        }
        if (key.matches("\\d{1,18}")) {
            Object byId = lookups.findByType(property.javaType(), key).orElse(null);
            if (byId != null) {
                return byId;
            }
        }
        return "import.error.relationMissing";
    }
}
