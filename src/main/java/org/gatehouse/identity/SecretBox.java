package org.gatehouse.identity;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.gatehouse.config.DatabaseSettings;

/**
 * Encrypts the second-factor keys before they reach the database (AES-256-GCM, a fresh nonce per
 * value, the user's id bound in as associated data so a value copied to another row does not
 * open). The key comes from {@code GATEHOUSE_SECRETS_KEY} (32 bytes, Base64); without it, a key
 * is generated once into {@code secrets.key} under {@code GATEHOUSE_DATA_DIR}, readable by the
 * server's user only. Every node of a cluster needs the same key, so clusters set the variable.
 */
@ApplicationScoped
public class SecretBox {

    static final String KEY_SETTING = "GATEHOUSE_SECRETS_KEY";
    private static final String PREFIX = "v1:";
    private static final Logger LOG = Logger.getLogger(SecretBox.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretKey key;

    @PostConstruct
    void loadKey() {
        Config config = ConfigProvider.getConfig(SecretBox.class.getClassLoader());
        Optional<String> configured = config.getOptionalValue(KEY_SETTING, String.class)
                .map(String::strip)
                .filter(value -> !value.isEmpty());
        byte[] bytes;
        if (configured.isPresent()) {
            bytes = decode(configured.get());
        } else {
            Path dir = config.getOptionalValue(DatabaseSettings.DATA_DIR_KEY, String.class)
                    .map(Path::of)
                    .orElseGet(() -> Path.of(System.getProperty("user.home"), ".gatehouse"));
            bytes = fromFile(dir.resolve("secrets.key"));
        }
        key = new SecretKeySpec(bytes, "AES");
    }

    private static byte[] decode(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(KEY_SETTING + " is not Base64; generate one with: openssl rand -base64 32");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(KEY_SETTING + " must be 32 bytes (Base64 of 32 random bytes); generate one"
                    + " with: openssl rand -base64 32");
        }
        return bytes;
    }

    private static byte[] fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] fresh = new byte[32];
                RANDOM.nextBytes(fresh);
                Path temporary = Files.createTempFile(file.getParent(), "secrets", ".tmp");
                try {
                    Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the directory's own permissions protect it
                }
                Files.writeString(
                        temporary, Base64.getEncoder().encodeToString(fresh), StandardOpenOption.TRUNCATE_EXISTING);
                try {
                    Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException raced) {
                    Files.deleteIfExists(temporary);
                }
                LOG.info(() -> "Generated the key for second-factor secrets in " + file + "; a cluster sets "
                        + KEY_SETTING + " to the same value on every node instead");
            }
            return decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Cannot read or create " + file + ": set " + KEY_SETTING + " or give the server a writable "
                            + DatabaseSettings.DATA_DIR_KEY,
                    e);
        }
    }

    /**
     * A short keyed fingerprint of a text (HMAC-SHA256 under this installation's key, 16 hex digits) for
     * values a browser may hold, such as whose column choice a cookie is, without the text itself.
     */
    public String tag(String purpose, String text) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            byte[] digest = mac.doFinal((purpose + '\n' + text).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 8);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** The value to store for a secret of a row. */
    public String seal(String secret, long rowId) {
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, rowId);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    /** The secret of a stored value; empty when this server's key does not open it. */
    public Optional<String> open(String stored, long rowId) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, java.util.Arrays.copyOf(in, 12), rowId);
            return Optional.of(new String(cipher.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            LOG.severe(
                    () -> "A second-factor secret cannot be opened with this server's key: every node needs the same "
                            + KEY_SETTING);
            return Optional.empty();
        }
    }

    private Cipher cipher(int mode, byte[] nonce, long rowId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(128, nonce));
        cipher.updateAAD(("users:" + rowId).getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }
}
