package org.gatehouse.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.gatehouse.metadata.AdminViewDeclaration;
import org.gatehouse.metadata.Operation;
import org.gatehouse.metadata.SecretWriter;

/** The Users and Roles views of the admin. The password hash is excluded everywhere. */
@ApplicationScoped
public class IdentityAdminViews {

    @Inject
    private PasswordHasher hasher;

    @Produces
    public AdminViewDeclaration<User> users() {
        return AdminViewDeclaration.of(User.class)
                .labels("view.users", "view.users.singular")
                .icon("pi pi-users")
                .category("view.category.access")
                .password("passwordHash", SecretWriter.withRules(PasswordPolicy.rules(), this::setPassword))
                .exclude("passwordHash", "sessionStamp", "firstFailedAt", "totpSecret", "totpLastStep")
                .columns("email", "active", "roles", "lockedUntil", "currentLoginAt", "createdAt")
                .formFields("email", "active", "confirmedAt", "roles", "country")
                .readOnly(
                        "createdAt",
                        "loginCount",
                        "lastLoginAt",
                        "lastLoginIp",
                        "currentLoginAt",
                        "currentLoginIp",
                        "failedCount",
                        "lockedUntil",
                        "totpEnabledAt")
                .propertyLabel("id", "field.users.id")
                .propertyLabel("email", "field.users.email")
                .propertyLabel("active", "field.users.active")
                .propertyLabel("confirmedAt", "field.users.confirmedAt")
                .propertyLabel("createdAt", "field.users.createdAt")
                .propertyLabel("loginCount", "field.users.loginCount")
                .propertyLabel("lastLoginAt", "field.users.lastLoginAt")
                .propertyLabel("lastLoginIp", "field.users.lastLoginIp")
                .propertyLabel("currentLoginAt", "field.users.currentLoginAt")
                .propertyLabel("currentLoginIp", "field.users.currentLoginIp")
                .propertyLabel("failedCount", "field.users.failedCount")
                .propertyLabel("lockedUntil", "field.users.lockedUntil")
                .propertyLabel("totpEnabledAt", "field.users.totpEnabledAt")
                .propertyLabel("language", "field.users.language")
                .propertyLabel("roles", "field.users.roles")
                .propertyLabel("country", "field.users.country")
                .searchable("email")
                .filters("active", "roles", "country", "createdAt")
                .createdAt("createdAt")
                .defaultSort("email")
                .action(
                        "activate",
                        "view.users.action.activate",
                        "view.users.action.activate.confirm",
                        user -> user.setActive(true))
                .action(
                        "deactivate",
                        "view.users.action.deactivate",
                        "view.users.action.deactivate.confirm",
                        user -> user.setActive(false))
                .action("unlock", "view.users.action.unlock", "view.users.action.unlock.confirm", User::unlock)
                // who may do what, and who can sign in as whom: only with a fresh proof of identity
                .stepUp(Operation.CREATE)
                .stepUpWhenChanged("roles", "passwordHash")
                .detailsTab("tab.users.security", "/WEB-INF/views/admin/tabs/user-security.xhtml");
    }

    /** A password typed into the users view's forms: checked against the policy, stored as its hash. */
    private void setPassword(User user, String password) {
        try {
            PasswordPolicy.check(password, user.getEmail());
        } catch (IdentityException e) {
            throw new SecretWriter.Refused(e.getText());
        }
        user.setPasswordHash(hasher.hash(password));
    }

    @Produces
    public AdminViewDeclaration<Role> roles() {
        return AdminViewDeclaration.of(Role.class)
                .labels("view.roles", "view.roles.singular")
                .propertyLabel("id", "field.roles.id")
                .propertyLabel("name", "field.roles.name")
                .propertyLabel("description", "field.roles.description")
                .icon("pi pi-id-card")
                .category("view.category.access")
                .columns("name", "description")
                .searchable("name", "description")
                .defaultSort("name")
                .stepUp(Operation.CREATE, Operation.EDIT, Operation.DELETE)
                .detailsTab("tab.roles.permissions", "/WEB-INF/views/admin/tabs/role-permissions.xhtml");
    }
}
