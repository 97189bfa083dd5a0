package org.gatehouse.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Where the data lives: PostgreSQL when {@code GATEHOUSE_DB_URL} is set, otherwise an H2 file
 * database under {@code GATEHOUSE_DATA_DIR} (default {@code ~/.gatehouse}) that survives restarts
 * because it sits outside every server work directory.
 */
public record DatabaseSettings(String url, String user, String password) {

    public static final String URL_KEY = "GATEHOUSE_DB_URL";
    public static final String USER_KEY = "GATEHOUSE_DB_USER";
    public static final String PASSWORD_KEY = "GATEHOUSE_DB_PASSWORD";
    public static final String DATA_DIR_KEY = "GATEHOUSE_DATA_DIR";

    static final String EMBEDDED_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    public boolean isEmbedded() {
        return url.startsWith("jdbc:h2:");
    }

    public boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    /** Reads the settings through MicroProfile Config of the application that owns this class. */
    public static DatabaseSettings fromConfig() {
        Config config = ConfigProvider.getConfig(DatabaseSettings.class.getClassLoader());
        return resolve(
                config.getOptionalValue(URL_KEY, String.class),
                config.getOptionalValue(USER_KEY, String.class),
                config.getOptionalValue(PASSWORD_KEY, String.class),
                config.getOptionalValue(DATA_DIR_KEY, String.class));
    }

    static DatabaseSettings resolve(
            Optional<String> url, Optional<String> user, Optional<String> password, Optional<String> dataDir) {
        String configuredUrl =
                url.map(String::strip).filter(value -> !value.isEmpty()).orElse(null);
        if (configuredUrl != null) {
            return new DatabaseSettings(configuredUrl, user.orElse(null), password.orElse(null));
        }
        Path dir = dataDir.map(Path::of).orElseGet(() -> Path.of(System.getProperty("user.home"), ".gatehouse"));
        String embeddedUrl = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("gatehouse") + EMBEDDED_OPTIONS;
        return new DatabaseSettings(embeddedUrl, user.orElse("gatehouse"), password.orElse(""));
    }

    Path embeddedDirectory() {
        String path = url.substring("jdbc:h2:file:".length());
        int options = path.indexOf(';');
        return Path.of(options < 0 ? path : path.substring(0, options)).getParent();
    }

    void prepare() {
        if (isEmbedded() && url.startsWith("jdbc:h2:file:")) {
            try {
                Files.createDirectories(embeddedDirectory());
            } catch (java.io.IOException e) {
                throw new IllegalStateException(
                        "Cannot create the data directory " + embeddedDirectory() + "; set " + DATA_DIR_KEY
                                + " to a writable directory",
                        e);
            }
        }
    }

    @Override
    public String toString() {
        // never print the password
        return "DatabaseSettings[url=" + url + ", user=" + user + "]";
    }
}
