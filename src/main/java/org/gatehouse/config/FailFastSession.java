package org.gatehouse.config;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.Session;

/**
 * Makes a lost database fail a request at once. EclipseLink otherwise retries a failed read
 * three times, five seconds apart, holding the request for ten seconds before the "database
 * unavailable" page. Retrying buys nothing here: the container's pool validates connections and
 * replaces them all after a failure, so the next request gets fresh ones.
 */
public class FailFastSession implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        session.getLogin().setQueryRetryAttemptCount(0);
        session.getLogin().setDelayBetweenConnectionAttempts(0);
    }
}
