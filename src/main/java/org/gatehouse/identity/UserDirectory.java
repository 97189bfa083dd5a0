package org.gatehouse.identity;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * The datastore API for users and roles. Every method is an administrator's operation and the
 * container checks the caller's role before it runs. Passwords arrive in plain text, are checked
 * against the {@link PasswordPolicy}, hashed, and never stored or logged as given.
 */
@Stateless
@RolesAllowed(Role.ADMIN)
public class UserDirectory {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PasswordHasher hasher;

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
        User user = requireUser(userId);
        user.setActive(!user.isActive());
        return user;
    }

    public User activate(long userId) {
        User user = requireUser(userId);
        user.setActive(true);
        return user;
    }

    public User deactivate(long userId) {
        User user = requireUser(userId);
        user.setActive(false);
        return user;
    }

    public User addRole(long userId, String roleName) {
        User user = requireUser(userId);
        user.getRoles().add(requireRole(roleName));
        return user;
    }

    public User removeRole(long userId, String roleName) {
        User user = requireUser(userId);
        user.getRoles().removeIf(role -> role.getName().equals(roleName));
        return user;
    }

    public void changePassword(long userId, String newPassword) {
        User user = requireUser(userId);
        PasswordPolicy.check(newPassword, user.getEmail());
        user.setPasswordHash(hasher.hash(newPassword));
    }

    public Role createRole(String name, String description) {
        if (findRole(name).isPresent()) {
            throw new IdentityException("name", "A role with this name already exists");
        }
        Role role = new Role(name, description);
        em.persist(role);
        em.flush();
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
