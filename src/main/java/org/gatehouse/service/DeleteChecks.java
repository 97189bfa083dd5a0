package org.gatehouse.service;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.metamodel.PluralAttribute;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.gatehouse.i18n.Texts;
import org.gatehouse.metadata.AdminRegistry;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.AdminViewFactory;
import org.gatehouse.metadata.Operation;
import org.gatehouse.metadata.Roles;

/**
 * What deleting records would meet before the caller is asked to confirm: which records of other
 * entities point at them, how many, and whether the database refuses the delete while they do.
 * Records the caller may not read are mentioned only as "other records", never counted or named.
 */
@Stateless
@DeclareRoles({Roles.ADMIN, Roles.EDITOR, Roles.VIEWER})
@RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.VIEWER})
public class DeleteChecks {

    private static final String OTHER_RECORDS = "service.otherRecords";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AccessChecks access;

    @Inject
    private AdminRegistry registry;

    @Inject
    private DeleteRules deleteRules;

    /**
     * What deleting the given records would meet: per relation of another entity that points at
     * them, how many distinct records do, and whether the database refuses the delete while they
     * do. One count per relation for all the records together.
     */
    public DeleteCheck deleteCheck(AdminView<?> view, Collection<String> ids) {
        access.require(view, Operation.VIEW);
        AccessChecks.requireSelectionSize(view, ids.size());
        List<Object> keys = new ArrayList<>();
        for (String id : ids) {
            try {
                keys.add(EntityLookups.parseId(view.idType(), id));
            } catch (NumberFormatException e) {
                // not an id of this view: nothing points at it
            }
        }
        // records outside the caller's scope are as good as absent: nothing is said about them
        keys = new EntityQuery(em, access.scope(view)).inScope(view.type(), keys);
        if (keys.isEmpty()) {
            return DeleteCheck.NONE;
        }
        String idName = new EntityQuery(em, null).idName(view.type());
        List<DeleteCheck.Usage> usages = new ArrayList<>();
        for (var entity : em.getMetamodel().getEntities()) {
            for (var attribute : entity.getAttributes()) {
                Class<?> target = attribute instanceof PluralAttribute<?, ?, ?> plural
                        ? plural.getElementType().getJavaType()
                        : attribute.getJavaType();
                if (!attribute.isAssociation() || target != view.type()) {
                    continue;
                }
                var effect = deleteRules.of(entity.getJavaType(), attribute.getName(), view.type());
                if (effect.isEmpty()) {
                    continue;
                }
                String jpql = "select count(distinct x) from " + entity.getName() + " x join x." + attribute.getName()
                        + " t where t." + idName + " in :ids";
                long count = em.createQuery(jpql, Long.class)
                        .setParameter("ids", keys)
                        .getSingleResult();
                var referring = registry.viewOf(entity.getJavaType());
                if (count > 0
                        && (referring.isEmpty()
                                || !access.can(referring.get(), Operation.VIEW)
                                || access.rules(referring.get()).scoped())) {
                    // records the caller may not read (all or some of them): that some exist, never how many or which
                    var other =
                            new DeleteCheck.Usage(OTHER_RECORDS, OTHER_RECORDS, DeleteCheck.UNCOUNTED, effect.get());
                    if (!usages.contains(other)) {
                        usages.add(other);
                    }
                } else if (count > 0) {
                    String singular = referring
                            .map(AdminView::singularLabel)
                            .orElse(AdminViewFactory.humanize(
                                    entity.getJavaType().getSimpleName()));
                    usages.add(new DeleteCheck.Usage(
                            referring.map(AdminView::label).orElse(singular + "s"), singular, count, effect.get()));
                }
            }
        }
        return new DeleteCheck(usages);
    }

    /**
     * What points at one record, in English ("3 users"), for logs and callers that show no page;
     * pages use {@link #deleteCheck}, which also says whether the references block the delete.
     */
    public List<String> usage(AdminView<?> view, String id) {
        return deleteCheck(view, List.of(id)).usages().stream()
                .map(u -> u.count() == DeleteCheck.UNCOUNTED
                        ? "other records"
                        : u.count() + " " + english(u.count() == 1 ? u.singularLabel() : u.label()))
                .toList();
    }

    private static String english(String labelOrKey) {
        return Texts.label(Locale.ENGLISH, labelOrKey).toLowerCase(Locale.ROOT);
    }
}
