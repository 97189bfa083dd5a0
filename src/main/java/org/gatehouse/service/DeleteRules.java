package org.gatehouse.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.mappings.DatabaseMapping;
import org.eclipse.persistence.mappings.ForeignReferenceMapping;
import org.eclipse.persistence.mappings.ManyToManyMapping;
import org.eclipse.persistence.mappings.OneToOneMapping;
import org.eclipse.persistence.sessions.Session;
import org.gatehouse.service.DeleteCheck.Effect;

/**
 * What a reference from one entity to another does when the referenced record is deleted, as the
 * model says: the mapping tells where the foreign key lives, and the database's own constraint
 * ({@code information_schema}, the same on PostgreSQL and H2) tells whether it cascades. Read once
 * per relation; the schema only changes with a deployment.
 */
@ApplicationScoped
public class DeleteRules {

    private static final String DELETE_RULES =
            "select rc.delete_rule from information_schema.referential_constraints rc"
                    + " join information_schema.key_column_usage k on k.constraint_name = rc.constraint_name"
                    + " and k.constraint_schema = rc.constraint_schema"
                    + " where lower(k.table_name) = ? and lower(k.column_name) = ?";

    @PersistenceContext
    private EntityManager em;

    private final Map<String, Optional<Effect>> effects = new ConcurrentHashMap<>();

    /**
     * What deleting a {@code target} does to the records of {@code referring} whose attribute
     * points at it; empty when the attribute holds no reference of its own (the inverse side of
     * a relation mapped by the target).
     */
    public Optional<Effect> of(Class<?> referring, String attribute, Class<?> target) {
        return effects.computeIfAbsent(
                referring.getName() + "#" + attribute, key -> read(referring, attribute, target));
    }

    private Optional<Effect> read(Class<?> referring, String attribute, Class<?> target) {
        Session session = em.unwrap(Session.class);
        ClassDescriptor descriptor = session.getClassDescriptor(referring);
        DatabaseMapping mapping = descriptor == null ? null : descriptor.getMappingForAttributeName(attribute);
        if (mapping instanceof ManyToManyMapping manyToMany && !manyToMany.isReadOnly()) {
            // link rows: the referring records stay either way, unless the link's key refuses
            Effect links =
                    effectOf(manyToMany.getRelationTableName(), names(manyToMany.getTargetRelationKeyFieldNames()));
            return Optional.of(links == Effect.BLOCKS ? Effect.BLOCKS : Effect.UNLINKS);
        }
        if (mapping instanceof OneToOneMapping oneToOne
                && oneToOne.isForeignKeyRelationship()
                && !oneToOne.isReadOnly()) {
            if (cascadedByTarget(session.getClassDescriptor(target), referring)) {
                return Optional.of(Effect.DELETES);
            }
            return Optional.of(effectOf(descriptor.getTableName(), names(oneToOne.getForeignKeyFieldNames())));
        }
        return Optional.empty();
    }

    /** The target deletes the referring records itself ({@code cascade = REMOVE} or orphan removal). */
    private static boolean cascadedByTarget(ClassDescriptor target, Class<?> referring) {
        return target != null
                && target.getMappings().stream()
                        .anyMatch(m -> m instanceof ForeignReferenceMapping reference
                                && reference.getReferenceClass() == referring
                                && (reference.isCascadeRemove() || reference.isPrivateOwned()));
    }

    /** The effect the foreign key constraints on these columns give a delete of the row they point at. */
    private Effect effectOf(String table, List<String> columns) {
        Effect effect = Effect.UNLINKS;
        for (String column : columns) {
            for (Object rule : em.createNativeQuery(DELETE_RULES)
                    .setParameter(1, unqualified(table))
                    .setParameter(2, column)
                    .getResultList()) {
                String text = String.valueOf(rule).toUpperCase(Locale.ROOT);
                if (text.equals("CASCADE")) {
                    effect = Effect.DELETES;
                } else if (!text.startsWith("SET")) {
                    // NO ACTION and RESTRICT refuse; SET NULL and SET DEFAULT clear the reference
                    return Effect.BLOCKS;
                }
            }
        }
        // no constraint at all leaves the reference dangling, but the database refuses nothing
        return effect;
    }

    private static List<String> names(List<?> qualified) {
        return qualified.stream().map(name -> unqualified(String.valueOf(name))).toList();
    }

    /** {@code PUBLIC.ORDERS.CUSTOMER_ID} becomes {@code customer_id}; quotes dropped. */
    static String unqualified(String name) {
        String bare = name.substring(name.lastIndexOf('.') + 1).replace("\"", "");
        return bare.toLowerCase(Locale.ROOT);
    }
}
