package org.gatehouse.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The mail settings of password reset e-mails. Links in them are built from
 * {@code GATEHOUSE_BASE_URL} alone, never from the request (whose Host header anyone can forge),
 * so reset by e-mail is only offered when both an SMTP host and a valid base URL are configured;
 * start-up says clearly when one is missing.
 */
@ApplicationScoped
public class MailSettings {

    private static final Logger LOG = Logger.getLogger(MailSettings.class.getName());

    @Inject
    @ConfigProperty(name = "GATEHOUSE_SMTP_HOST")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "GATEHOUSE_SMTP_PORT", defaultValue = "25")
    int port;

    @Inject
    @ConfigProperty(name = "GATEHOUSE_SMTP_USER")
    Optional<String> user;

    @Inject
    @ConfigProperty(name = "GATEHOUSE_SMTP_PASSWORD")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "GATEHOUSE_MAIL_FROM", defaultValue = "gatehouse@localhost")
    String from;

    @Inject
    @ConfigProperty(name = "GATEHOUSE_BASE_URL")
    Optional<String> baseUrl;

    void report(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (host().isPresent() && baseUrl().isEmpty()) {
            LOG.severe("Password reset by e-mail is OFF: GATEHOUSE_SMTP_HOST is set but GATEHOUSE_BASE_URL is not"
                    + " a valid http(s) URL. Set GATEHOUSE_BASE_URL to the public address of this console"
                    + " (for example https://admin.example.com); reset links are built from it alone.");
        }
    }

    /** Whether reset e-mails can be sent: an SMTP host and a valid public base URL. */
    public boolean isAvailable() {
        return host().isPresent() && baseUrl().isPresent();
    }

    Optional<String> host() {
        return host.map(String::strip).filter(value -> !value.isEmpty());
    }

    /** The configured public base URL without trailing slashes, if it is an absolute http(s) URL. */
    public Optional<String> baseUrl() {
        return baseUrl.map(String::strip)
                .map(value -> value.replaceAll("/+$", ""))
                .filter(MailSettings::isHttpUrl);
    }

    static boolean isHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null
                    && uri.getQuery() == null
                    && uri.getFragment() == null
                    && uri.getUserInfo() == null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    int port() {
        return port;
    }

    Optional<String> user() {
        return user.filter(value -> !value.isBlank());
    }

    Optional<String> password() {
        return password;
    }

    String from() {
        return from;
    }
}
