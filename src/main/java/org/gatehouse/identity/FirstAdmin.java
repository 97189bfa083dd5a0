package org.gatehouse.identity;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gatehouse.metadata.Roles;

/**
 * Makes sure someone can sign in after the first start. When no user holds the admin role, one
 * is created from {@code GATEHOUSE_ADMIN_EMAIL} and {@code GATEHOUSE_ADMIN_PASSWORD}; without a
 * configured password a random one is generated and printed once, here, in the server log.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class FirstAdmin {

    static final String DEFAULT_EMAIL = "admin@gatehouse.local";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final Logger LOG = Logger.getLogger(FirstAdmin.class.getName());

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PasswordHasher hasher;

    @Inject
    @ConfigProperty(name = "GATEHOUSE_ADMIN_EMAIL", defaultValue = DEFAULT_EMAIL)
    private String email;

    @Inject
    @ConfigProperty(name = "GATEHOUSE_ADMIN_PASSWORD")
    private Optional<String> password;

    @PostConstruct
    void ensureAdminExists() {
        long admins = em.createQuery("select count(u) from User u join u.roles r where r.name = :admin", Long.class)
                .setParameter("admin", Roles.ADMIN)
                .getSingleResult();
        if (admins > 0) {
            return;
        }
        Role admin = em.createQuery("select r from Role r where r.name = :admin", Role.class)
                .setParameter("admin", Roles.ADMIN)
                .getSingleResult();
        String normalized = User.normalizeEmail(email);
        boolean generated = password.filter(value -> !value.isBlank()).isEmpty();
        String secret = generated ? randomPassword() : password.get();
        if (!generated) {
            PasswordPolicy.check(secret, normalized);
        }
        User user = em.createQuery("select u from User u where u.email = :email", User.class)
                .setParameter("email", normalized)
                .getResultStream()
                .findFirst()
                .orElse(null);
        if (user == null) {
            user = new User(normalized, hasher.hash(secret));
            em.persist(user);
        } else {
            user.setPasswordHash(hasher.hash(secret));
            user.setActive(true);
        }
        user.getRoles().add(admin);
        if (generated) {
            LOG.warning("\n========================================================================\n"
                    + " Gatehouse first administrator created\n"
                    + "   email:    " + normalized + "\n"
                    + "   password: " + secret + "\n"
                    + " This password is shown only once. Sign in and change it, or set\n"
                    + " GATEHOUSE_ADMIN_PASSWORD before the first start.\n"
                    + "========================================================================");
        } else {
            LOG.info(() -> "Gatehouse first administrator created: " + normalized
                    + " (password from GATEHOUSE_ADMIN_PASSWORD)");
        }
    }

    static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder builder = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 5 == 0) {
                builder.append('-');
            }
            builder.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return builder.toString();
    }
}
