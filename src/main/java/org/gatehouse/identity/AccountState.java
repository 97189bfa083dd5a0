package org.gatehouse.identity;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.Set;

/**
 * What an account may do right now, read from the database rather than from a session: the
 * authentication mechanism asks it on every request, the services before every write. A
 * deactivated account, or one whose roles or password changed, is thereby cut off everywhere at
 * once, whatever a session still remembers.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class AccountState {

    @PersistenceContext
    private EntityManager em;

    /** The value a live session of this user must carry; empty when the user may not be signed in. */
    public Optional<String> sessionStamp(String email) {
        return em.createQuery(
                        "select u.sessionStamp from User u where u.email = :email and u.active = true", String.class)
                .setParameter("email", User.normalizeEmail(email))
                .getResultStream()
                .findFirst();
    }

    /** The id of the account with this e-mail, active or not. */
    public Optional<Long> id(String email) {
        return em.createQuery("select u.id from User u where u.email = :email", Long.class)
                .setParameter("email", User.normalizeEmail(email))
                .getResultStream()
                .findFirst();
    }

    /** The roles an active account holds now; empty for unknown or deactivated accounts. */
    public Set<String> activeRoles(String email) {
        return Set.copyOf(em.createQuery(
                        "select r.name from User u join u.roles r where u.email = :email" + " and u.active = true",
                        String.class)
                .setParameter("email", User.normalizeEmail(email))
                .getResultList());
    }
}
