package org.gatehouse.identity;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/**
 * Hashes passwords with Soteria's PBKDF2 implementation. Parameters are stored inside every
 * hash, so raising them later only affects new hashes; old ones still verify.
 */
@ApplicationScoped
public class PasswordHasher {

    /** Shared with the identity store definition so that both sides agree. */
    public static final String ALGORITHM = "Pbkdf2PasswordHash.Algorithm=PBKDF2WithHmacSHA512";

    public static final String ITERATIONS = "Pbkdf2PasswordHash.Iterations=210000";
    public static final String SALT_SIZE = "Pbkdf2PasswordHash.SaltSizeBytes=32";
    public static final String KEY_SIZE = "Pbkdf2PasswordHash.KeySizeBytes=64";

    @Inject
    private Pbkdf2PasswordHash hash;

    @PostConstruct
    void configure() {
        hash.initialize(Map.ofEntries(entry(ALGORITHM), entry(ITERATIONS), entry(SALT_SIZE), entry(KEY_SIZE)));
    }

    private static Map.Entry<String, String> entry(String setting) {
        int equals = setting.indexOf('=');
        return Map.entry(setting.substring(0, equals), setting.substring(equals + 1));
    }

    public String hash(String password) {
        return hash.generate(password.toCharArray());
    }

    public boolean verify(String password, String storedHash) {
        return storedHash != null && hash.verify(password.toCharArray(), storedHash);
    }

    /** A hash of a random secret that no password matches, made once with the current parameters. */
    private volatile String decoy;

    /**
     * Does the work of one real check and always fails: answers about unknown accounts take as
     * long as answers about real ones, so response times do not reveal which addresses exist.
     */
    public void spendEqualTime(String password) {
        String target = decoy;
        if (target == null) {
            byte[] random = new byte[24];
            new java.security.SecureRandom().nextBytes(random);
            target = hash(java.util.HexFormat.of().formatHex(random));
            decoy = target;
        }
        hash.verify((password == null ? "" : password).toCharArray(), target);
    }
}
