package org.gatehouse.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.function.Predicate;
import org.gatehouse.i18n.Texts;
import org.gatehouse.identity.Role;
import org.gatehouse.metadata.AdminRegistry;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.Operation;
import org.gatehouse.web.i18n.TextBean;

/** The Permissions tab of a role's details page: what the role may do on each view. */
@Named("rolePermissions")
@RequestScoped
public class RolePermissionsTab {

    @Inject
    private AdminRegistry registry;

    @Inject
    private DetailsPageBacking details;

    /**
     * What the role may do on one view.
     *
     * @param view       the view's label (or bundle key)
     * @param operations read, create, edit, delete: whether each is allowed
     * @param actions    the bulk actions it may run, by label in the reader's language
     */
    public record Row(String view, List<Boolean> operations, String actions) {
    }

    public List<Row> getRows() {
        if (!(details.getEntity() instanceof Role role)) {
            return List.of();
        }
        Predicate<String> holds = role.getName()::equals;
        return registry.views().stream().map(view -> new Row(view.label(),
                List.of(view.allows(Operation.VIEW, holds), view.allows(Operation.CREATE, holds),
                        view.allows(Operation.EDIT, holds), view.allows(Operation.DELETE, holds)),
                actions(view, holds))).toList();
    }

    private static String actions(AdminView<?> view, Predicate<String> holds) {
        return String.join(", ", view.actions().stream().filter(a -> view.allowsAction(a.name(), holds))
                .map(a -> Texts.label(TextBean.locale(), a.label())).toList());
    }
}
