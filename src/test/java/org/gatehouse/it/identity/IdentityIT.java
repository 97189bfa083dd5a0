package org.gatehouse.it.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.gatehouse.identity.PasswordHasher;
import org.gatehouse.identity.Role;
import org.gatehouse.identity.User;
import org.gatehouse.it.Deployments;
import org.gatehouse.it.TestDatabase;
import org.gatehouse.it.fixtures.AsAdmin;
import org.gatehouse.metadata.AdminRegistry;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.Roles;
import org.gatehouse.service.BulkWrites;
import org.gatehouse.service.EntityLookups;
import org.gatehouse.service.EntityService;
import org.gatehouse.service.WriteException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Users and roles written the way the admin writes them — through the generic service and the
 * users and roles views — inside Payara Micro, against PostgreSQL migrated by Flyway.
 */
@ExtendWith(ArquillianExtension.class)
class IdentityIT {

    private static final String PASSWORD = "a-perfectly-fine-password";

    @Inject
    private EntityService service;

    @Inject
    private BulkWrites bulkWrites;

    @Inject
    private EntityLookups lookups;

    @Inject
    private AdminRegistry registry;

    @Inject
    private PasswordHasher hasher;

    @Inject
    private AsAdmin asAdmin;

    @PersistenceContext
    private EntityManager em;

    @Deployment
    static WebArchive deployment() {
        return Deployments.inContainer(Deployments.war(TestDatabase.create()));
    }

    @SuppressWarnings("unchecked")
    private <E> AdminView<E> view(String name) {
        return (AdminView<E>) registry.view(name).orElseThrow();
    }

    private User create(String email, String password, String... roles) throws Exception {
        User user = new User(email, null);
        user.setRoles(Arrays.stream(roles).map(this::role).collect(Collectors.toSet()));
        return asAdmin.call(() -> service.create(view("users"), user, password));
    }

    private User reload(long id) throws Exception {
        return asAdmin.call(
                () -> lookups.<User>find(view("users"), String.valueOf(id)).orElseThrow());
    }

    private Role role(String name) {
        return em.createQuery("select r from Role r where r.name = :name", Role.class)
                .setParameter("name", name)
                .getSingleResult();
    }

    private User byEmail(String email) {
        return em.createQuery("select u from User u where u.email = :email", User.class)
                .setParameter("email", email)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    private String hashOf(long id) {
        return (String) em.createNativeQuery("select password_hash from users where id = ?")
                .setParameter(1, id)
                .getSingleResult();
    }

    @Test
    void callersWithoutTheAdminRoleAreRefusedByTheContainer() {
        assertThrows(EJBAccessException.class, () -> lookups.find(view("users"), "1"));
        assertThrows(
                EJBAccessException.class,
                () -> service.create(view("users"), new User("x@gatehouse.test", null), PASSWORD));
    }

    @Test
    void firstAdminWasCreatedFromConfiguration() {
        User admin = byEmail(Deployments.ADMIN_EMAIL);
        assertTrue(admin.isActive());
        assertEquals(
                List.of(Roles.ADMIN),
                admin.getRoles().stream().map(Role::getName).toList());
        assertTrue(hasher.verify(Deployments.ADMIN_PASSWORD, hashOf(admin.getId())));
    }

    @Test
    void createUserHashesThePasswordWithStrongPbkdf2Parameters() throws Exception {
        User user = create("Alice@Example.COM", PASSWORD, Roles.ADMIN);
        assertEquals("alice@example.com", user.getEmail());
        String stored = hashOf(user.getId());
        assertFalse(stored.contains(PASSWORD));
        String[] parts = stored.split(":");
        assertEquals("PBKDF2WithHmacSHA512", parts[0]);
        assertTrue(Integer.parseInt(parts[1]) >= 210_000, "iterations: " + parts[1]);
        assertEquals(32, java.util.Base64.getDecoder().decode(parts[2]).length, "salt bytes");
        assertTrue(hasher.verify(PASSWORD, stored));
    }

    @Test
    void emailsAreUniqueWhateverTheirCase() throws Exception {
        create("bob@example.com", PASSWORD);
        WriteException duplicate = assertThrows(WriteException.class, () -> create("BOB@example.com", PASSWORD));
        assertEquals("email", duplicate.getField());
        assertEquals(
                1,
                em.createQuery("select count(u) from User u where lower(u.email) = 'bob@example.com'", Long.class)
                        .getSingleResult());
    }

    @Test
    void weakPasswordsAreRefusedWithTheRuleThatFailed() {
        WriteException tooShort = assertThrows(WriteException.class, () -> create("carol@example.com", "short"));
        assertEquals("password", tooShort.getField());
        assertTrue(tooShort.getMessage().contains("at least 12"), tooShort.getMessage());
        WriteException sameAsEmail =
                assertThrows(WriteException.class, () -> create("carol.long@example.com", "carol.long@example.com"));
        assertTrue(sameAsEmail.getMessage().contains("email"), sameAsEmail.getMessage());
        assertEquals(null, byEmail("carol@example.com"), "nothing stored");
    }

    @Test
    void activationRolesAndPasswordChanges() throws Exception {
        User user = create("dave@example.com", PASSWORD);
        long id = user.getId();
        AdminView<User> users = view("users");
        asAdmin.call(() -> bulkWrites.runAction(
                users, "deactivate", Map.of(String.valueOf(id), reload(id).getVersion())));
        assertFalse(reload(id).isActive());
        asAdmin.call(() -> bulkWrites.runAction(
                users, "activate", Map.of(String.valueOf(id), reload(id).getVersion())));
        assertTrue(reload(id).isActive());

        Role auditor =
                asAdmin.call(() -> service.create(view("roles"), new Role("auditor", "Reads the audit log"), null));
        User withRole = reload(id);
        withRole.setRoles(Set.of(auditor));
        assertTrue(asAdmin.call(() -> service.update(users, withRole, null)).hasRole("auditor"));
        User withoutRole = reload(id);
        withoutRole.setRoles(Set.of());
        assertFalse(asAdmin.call(() -> service.update(users, withoutRole, null)).hasRole("auditor"));

        String before = hashOf(id);
        Object stamp = em.createNativeQuery("select session_stamp from users where id = ?")
                .setParameter(1, id)
                .getSingleResult();
        asAdmin.call(() -> service.update(users, reload(id), "another-fine-password"));
        assertNotEquals(before, hashOf(id));
        assertNotEquals(
                stamp,
                em.createNativeQuery("select session_stamp from users where id = ?")
                        .setParameter(1, id)
                        .getSingleResult(),
                "a password set by an admin ends the user's sessions");
        assertTrue(hasher.verify("another-fine-password", hashOf(id)));
        assertFalse(hasher.verify(PASSWORD, hashOf(id)));
    }

    @Test
    void schemaIsOwnedByFlywayIncludingThePostgresqlOnlyMigrations() {
        Number applied = (Number)
                em.createNativeQuery("select count(*) from flyway_schema_history where success and version = '5'")
                        .getSingleResult();
        assertEquals(1, applied.intValue(), "the trigram index migration ran on PostgreSQL");
        Number indexes = (Number)
                em.createNativeQuery("select count(*) from pg_indexes where indexname = 'orders_reference_trgm'")
                        .getSingleResult();
        assertEquals(1, indexes.intValue());
    }
}
