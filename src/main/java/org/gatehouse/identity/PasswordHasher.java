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
}
