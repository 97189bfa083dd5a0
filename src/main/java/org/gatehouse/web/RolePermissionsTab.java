package org.gatehouse.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.gatehouse.i18n.Texts;
import org.gatehouse.identity.Role;
import org.gatehouse.metadata.AdminRegistry;
import org.gatehouse.metadata.Operation;
import org.gatehouse.web.i18n.TextBean;

/** The Permissions tab of a role's details page: what the role may do on each view (declared, or as an admin granted it). */
@Named("rolePermissions")
@RequestScoped
public class RolePermissionsTab {

    @Inject
    private AdminRegistry registry;

    @Inject
    private DetailsPageBacking details;

    @Inject
    private org.gatehouse.service.AccessRules rules;

    /**
     * What the role may do on one view.
     *
     * @param view       the view's label (or bundle key)
     * @param operations read, create, edit, delete: whether each is allowed
     * @param actions    the bulk actions it may run, by label in the reader's language
     */
    public record Row(String view, List<Boolean> operations, String actions) {}

    public List<Row> getRows() {
        if (!(details.getEntity() instanceof Role role)) {
            return List.of();
        }
        String name = role.getName();
        var stored = rules.stored(List.of(name));
        return registry.views().stream()
                .map(view -> {
                    var grant = stored.get(name + "\u0000" + view.name());
                    return new Row(
                            view.label(),
                            List.of(
                                    rules.grants(view, name, Operation.VIEW, grant),
                                    rules.grants(view, name, Operation.CREATE, grant),
                                    rules.grants(view, name, Operation.EDIT, grant),
                                    rules.grants(view, name, Operation.DELETE, grant)),
                            String.join(
                                    ", ",
                                    view.actions().stream()
                                            .filter(a -> rules.grantsAction(view, name, a.name(), grant))
                                            .map(a -> Texts.label(TextBean.locale(), a.label()))
                                            .toList()));
                })
                .toList();
    }
}
