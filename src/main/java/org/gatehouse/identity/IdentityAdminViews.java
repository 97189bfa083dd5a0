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
                .icon("pi pi-users").category("Access")
                .password("passwordHash", this::setPassword)
                .exclude("passwordHash", "sessionStamp", "firstFailedAt", "totpSecret", "totpLastStep")
                .columns("email", "active", "roles", "lockedUntil", "currentLoginAt", "createdAt")
                .formFields("email", "active", "confirmedAt", "roles")
                .readOnly("createdAt", "loginCount", "lastLoginAt", "lastLoginIp", "currentLoginAt", "currentLoginIp",
                        "failedCount", "lockedUntil", "totpEnabledAt")
                .propertyLabel("currentLoginAt", "Signed in").propertyLabel("lockedUntil", "Locked until")
                .propertyLabel("totpEnabledAt", "Two-factor since")
                .searchable("email")
                .filters("active", "roles", "createdAt")
                .defaultSort("email")
                .action("activate", "Activate", "Activate the selected users?", user -> user.setActive(true))
                .action("deactivate", "Deactivate", "Deactivate the selected users? They can no longer sign in.",
                        user -> user.setActive(false))
                .action("unlock", "Unlock", "Unlock the selected users' accounts?", User::unlock)
                // who may do what, and who can sign in as whom: only with a fresh proof of identity
                .stepUp(Operation.CREATE).stepUpWhenChanged("roles", "passwordHash")
                .detailsTab("Security", "/WEB-INF/views/admin/tabs/user-security.xhtml");
    }

    /** A password typed into the users view's forms: checked against the policy, stored as its hash. */
    private void setPassword(User user, String password) {
        try {
            PasswordPolicy.check(password, user.getEmail());
        } catch (IdentityException e) {
            throw new SecretWriter.Refused(e.getMessage());
        }
        user.setPasswordHash(hasher.hash(password));
    }

    @Produces
    public AdminViewDeclaration<Role> roles() {
        return AdminViewDeclaration.of(Role.class)
                .icon("pi pi-id-card").category("Access")
                .columns("name", "description")
                .searchable("name", "description")
                .defaultSort("name")
                .stepUp(Operation.CREATE, Operation.EDIT, Operation.DELETE)
                .detailsTab("Permissions", "/WEB-INF/views/admin/tabs/role-permissions.xhtml");
    }
}
