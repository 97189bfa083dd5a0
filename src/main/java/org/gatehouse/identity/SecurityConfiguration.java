package org.gatehouse.identity;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import org.gatehouse.metadata.Roles;

/**
 * Container security: an identity store over the users/roles tables, used by the application's
 * form login ({@code org.gatehouse.web.auth.SessionFormAuthentication}). Only active users authenticate; their groups are their role names.
 * Emails are compared lower-cased, the way they are stored.
 */
@DatabaseIdentityStoreDefinition(
        dataSourceLookup = "java:app/jdbc/gatehouse",
        callerQuery = "select password_hash from users where email = lower(?) and active = true",
        groupsQuery = "select r.name from roles r join users_roles ur on ur.role_id = r.id"
                + " join users u on u.id = ur.user_id where u.email = lower(?)",
        hashAlgorithm = Pbkdf2PasswordHash.class,
        hashAlgorithmParameters = {
            PasswordHasher.ALGORITHM,
            PasswordHasher.ITERATIONS,
            PasswordHasher.SALT_SIZE,
            PasswordHasher.KEY_SIZE
        })
@DeclareRoles({Roles.ADMIN, Roles.EDITOR, Roles.VIEWER})
@ApplicationScoped
public class SecurityConfiguration {}
