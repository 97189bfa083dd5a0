package org.gatehouse.identity;

import jakarta.annotation.security.RolesAllowed;
import org.gatehouse.metadata.Roles;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gatehouse.audit.AuditAction;
import org.gatehouse.audit.AuditLog;

/**
 * The datastore API for users and roles. Every method is an administrator's operation and the
 * container checks the caller's role before it runs. Passwords arrive in plain text, are checked
 * against the {@link PasswordPolicy}, hashed, and never stored or logged as given.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class UserDirectory {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PasswordHasher hasher;

    @Inject
    private AuditLog audit;

    public User createUser(String email, String password, String... roleNames) {
        String normalized = User.normalizeEmail(email);
        if (findByEmail(normalized).isPresent()) {
            throw new IdentityException("email", "A user with this email already exists");
        }
        PasswordPolicy.check(password, normalized);
        User user = new User(normalized, hasher.hash(password));
        for (String roleName : roleNames) {
            user.getRoles().add(requireRole(roleName));
        }
        em.persist(user);
        em.flush();
        record(AuditAction.CREATE, user, AuditLog.withSecret(AuditLog.diff(Map.of(),
                Map.of("email", user.getEmail(), "active", "Yes", "roles", user.getRoleNames())), "password"));
        return user;
    }

    public Optional<User> findByEmail(String email) {
        return em.createQuery("select u from User u where u.email = :email", User.class)
                .setParameter("email", User.normalizeEmail(email))
                .getResultStream().findFirst();
    }

    public Optional<User> findUser(long id) {
        return Optional.ofNullable(em.find(User.class, id));
    }

    public User toggleActive(long userId) {
        return setActive(requireUser(userId), null);
    }

    public User activate(long userId) {
        return setActive(requireUser(userId), true);
    }

    public User deactivate(long userId) {
        return setActive(requireUser(userId), false);
    }

    private User setActive(User user, Boolean active) {
        boolean target = active == null ? !user.isActive() : active;
        if (user.isActive() != target) {
            user.setActive(target);
            record(target ? AuditAction.ACTIVATE : AuditAction.DEACTIVATE, user,
                    AuditLog.diff(Map.of("active", target ? "No" : "Yes"), Map.of("active", target ? "Yes" : "No")));
        }
        return user;
    }

    public User addRole(long userId, String roleName) {
        User user = requireUser(userId);
        String before = user.getRoleNames();
        if (user.getRoles().add(requireRole(roleName))) {
            user.revokeSessions();
            record(AuditAction.ROLE_ADDED, user, AuditLog.diff(Map.of("roles", before), Map.of("roles", user.getRoleNames())));
        }
        return user;
    }

    public User removeRole(long userId, String roleName) {
        User user = requireUser(userId);
        String before = user.getRoleNames();
        if (user.getRoles().removeIf(role -> role.getName().equals(roleName))) {
            user.revokeSessions();
            record(AuditAction.ROLE_REMOVED, user, AuditLog.diff(Map.of("roles", before), Map.of("roles", user.getRoleNames())));
        }
        return user;
    }

    public void changePassword(long userId, String newPassword) {
        User user = requireUser(userId);
        PasswordPolicy.check(newPassword, user.getEmail());
        user.setPasswordHash(hasher.hash(newPassword));
        record(AuditAction.PASSWORD_CHANGE, user, AuditLog.withSecret("{}", "password"));
    }

    private void record(AuditAction action, User user, String changes) {
        audit.record(action, User.class.getSimpleName(), String.valueOf(user.getId()), user.getEmail(), changes);
    }

    public Role createRole(String name, String description) {
        if (findRole(name).isPresent()) {
            throw new IdentityException("name", "A role with this name already exists");
        }
        Role role = new Role(name, description);
        em.persist(role);
        em.flush();
        audit.record(AuditAction.CREATE, Role.class.getSimpleName(), String.valueOf(role.getId()), name,
                AuditLog.diff(Map.of(), Map.of("name", name, "description", description == null ? "" : description)));
        return role;
    }

    public Optional<Role> findRole(String name) {
        return em.createQuery("select r from Role r where r.name = :name", Role.class)
                .setParameter("name", name)
                .getResultStream().findFirst();
    }

    public List<Role> allRoles() {
        return em.createQuery("select r from Role r order by r.name", Role.class).getResultList();
    }

    public long countUsersWithRole(long roleId) {
        return em.createQuery("select count(u) from User u join u.roles r where r.id = :id", Long.class)
                .setParameter("id", roleId).getSingleResult();
    }

    /** Whether the password matches the user's stored hash; for tests and re-authentication. */
    public boolean verifyPassword(long userId, String password) {
        return hasher.verify(password, requireUser(userId).getPasswordHash());
    }

    private User requireUser(long userId) {
        return findUser(userId).orElseThrow(() -> new IdentityException(null, "No user with id " + userId));
    }

    private Role requireRole(String name) {
        return findRole(name).orElseThrow(() -> new IdentityException("roles", "No role named '" + name + "'"));
    }
}
