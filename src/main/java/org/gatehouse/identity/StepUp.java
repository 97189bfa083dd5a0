package org.gatehouse.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The rule the services apply before a dangerous operation: the caller must have proved who they
 * are (password, and code when enrolled) within {@code GATEHOUSE_STEP_UP_MINUTES} (default 5).
 * The authentication mechanism puts that moment, from the session, into a request attribute on
 * every request ({@link #ATTRIBUTE}); request attributes are set by server code only, never by
 * what a client sends. Without a request (timers, background work) nothing counts as fresh.
 */
@ApplicationScoped
public class StepUp {

    /** Request attribute holding the {@link Instant} the caller last proved who they are. */
    public static final String ATTRIBUTE = "org.gatehouse.identity.verifiedAt";

    @Inject
    @ConfigProperty(name = "GATEHOUSE_STEP_UP_MINUTES", defaultValue = "5")
    private String minutes;

    @Inject
    private Instance<HttpServletRequest> request;

    public boolean isFresh() {
        Instant at = verifiedAt();
        return at != null && !at.plus(window()).isBefore(Instant.now());
    }

    private Instant verifiedAt() {
        try {
            return request.isResolvable() && request.get().getAttribute(ATTRIBUTE) instanceof Instant at ? at : null;
        } catch (RuntimeException noRequest) {
            return null;
        }
    }

    /** Refuses unless the caller proved who they are within the window. */
    public void require(String what) {
        if (!isFresh()) {
            throw new StepUpRequiredException(what);
        }
    }

    /** The window; fractions of a minute are allowed (tests use a few seconds). */
    public Duration window() {
        double value;
        try {
            value = Double.parseDouble(minutes.strip());
        } catch (NumberFormatException e) {
            throw new IllegalStateException(
                    "GATEHOUSE_STEP_UP_MINUTES must be a number of minutes, not '" + minutes + "'");
        }
        return Duration.ofMillis(Math.max(0, Math.round(value * 60_000)));
    }
}
