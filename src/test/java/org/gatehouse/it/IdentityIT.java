package org.gatehouse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import org.gatehouse.metadata.Roles;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.gatehouse.identity.IdentityException;
import org.gatehouse.identity.Role;
import org.gatehouse.identity.User;
import org.gatehouse.identity.UserDirectory;
import org.gatehouse.it.fixtures.AsAdmin;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The user directory inside Payara Micro, against PostgreSQL migrated by Flyway. */
@ExtendWith(ArquillianExtension.class)
class IdentityIT {

    private static final String PASSWORD = "a-perfectly-fine-password";

    @Inject
    private UserDirectory directory;

    @Inject
    private AsAdmin asAdmin;

    @PersistenceContext
    private EntityManager em;

    @Deployment
    static WebArchive deployment() {
        return Deployments.inContainer(Deployments.war(TestDatabase.create()));
    }

    @Test
    void callersWithoutTheAdminRoleAreRefusedByTheContainer() {
        assertThrows(EJBAccessException.class, () -> directory.findByEmail(Deployments.ADMIN_EMAIL));
        assertThrows(EJBAccessException.class, () -> directory.createUser("x@gatehouse.test", PASSWORD));
    }

    @Test
    void firstAdminWasCreatedFromConfiguration() throws Exception {
        User admin = asAdmin.call(() -> directory.findByEmail(Deployments.ADMIN_EMAIL).orElseThrow());
        assertTrue(admin.isActive());
        assertEquals(List.of(Roles.ADMIN), admin.getRoles().stream().map(Role::getName).toList());
        assertTrue(asAdmin.call(() -> directory.verifyPassword(admin.getId(), Deployments.ADMIN_PASSWORD)));
    }

    @Test
    void createUserHashesThePasswordWithStrongPbkdf2Parameters() throws Exception {
        User user = asAdmin.call(() -> directory.createUser("Alice@Example.COM", PASSWORD, Roles.ADMIN));
        assertEquals("alice@example.com", user.getEmail());
        String stored = (String) em.createNativeQuery("select password_hash from users where id = ?")
                .setParameter(1, user.getId()).getSingleResult();
        assertFalse(stored.contains(PASSWORD));
        String[] parts = stored.split(":");
        assertEquals("PBKDF2WithHmacSHA512", parts[0]);
        assertTrue(Integer.parseInt(parts[1]) >= 210_000, "iterations: " + parts[1]);
        assertEquals(32, java.util.Base64.getDecoder().decode(parts[2]).length, "salt bytes");
        assertTrue(asAdmin.call(() -> directory.verifyPassword(user.getId(), PASSWORD)));
    }

    @Test
    void emailsAreUniqueWhateverTheirCase() throws Exception {
        asAdmin.run(() -> directory.createUser("bob@example.com", PASSWORD));
        IdentityException duplicate = assertThrows(IdentityException.class,
                () -> asAdmin.run(() -> directory.createUser("BOB@example.com", PASSWORD)));
        assertEquals("email", duplicate.getField());
        assertTrue(asAdmin.call(() -> directory.findByEmail("Bob@Example.com")).isPresent());
    }

    @Test
    void weakPasswordsAreRefusedWithTheRuleThatFailed() {
        IdentityException tooShort = assertThrows(IdentityException.class,
                () -> asAdmin.run(() -> directory.createUser("carol@example.com", "short")));
        assertTrue(tooShort.getMessage().contains("at least 12"), tooShort.getMessage());
        IdentityException sameAsEmail = assertThrows(IdentityException.class,
                () -> asAdmin.run(() -> directory.createUser("carol.long@example.com", "carol.long@example.com")));
        assertTrue(sameAsEmail.getMessage().contains("email"), sameAsEmail.getMessage());
    }

    @Test
    void activationRolesAndPasswordChanges() throws Exception {
        User user = asAdmin.call(() -> directory.createUser("dave@example.com", PASSWORD));
        long id = user.getId();
        assertFalse(asAdmin.call(() -> directory.toggleActive(id)).isActive());
        assertTrue(asAdmin.call(() -> directory.toggleActive(id)).isActive());
        assertFalse(asAdmin.call(() -> directory.deactivate(id)).isActive());
        assertTrue(asAdmin.call(() -> directory.activate(id)).isActive());

        asAdmin.call(() -> directory.createRole("auditor", "Reads the audit log"));
        assertTrue(asAdmin.call(() -> directory.addRole(id, "auditor")).hasRole("auditor"));
        assertFalse(asAdmin.call(() -> directory.removeRole(id, "auditor")).hasRole("auditor"));
        assertThrows(IdentityException.class, () -> asAdmin.run(() -> directory.addRole(id, "no-such-role")));

        String before = hashOf(id);
        asAdmin.run(() -> directory.changePassword(id, "another-fine-password"));
        assertNotEquals(before, hashOf(id));
        assertTrue(asAdmin.call(() -> directory.verifyPassword(id, "another-fine-password")));
        assertFalse(asAdmin.call(() -> directory.verifyPassword(id, PASSWORD)));
    }

    @Test
    void schemaIsOwnedByFlywayIncludingThePostgresqlOnlyMigrations() {
        Number applied = (Number) em.createNativeQuery(
                "select count(*) from flyway_schema_history where success and version = '5'").getSingleResult();
        assertEquals(1, applied.intValue(), "the trigram index migration ran on PostgreSQL");
        Number indexes = (Number) em.createNativeQuery(
                "select count(*) from pg_indexes where indexname = 'orders_reference_trgm'").getSingleResult();
        assertEquals(1, indexes.intValue());
    }

    private String hashOf(long id) {
        return (String) em.createNativeQuery("select password_hash from users where id = ?").setParameter(1, id)
                .getSingleResult();
    }
}
