package org.gatehouse.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gatehouse.ops.RequestId;

/**
 * A token bucket per client address for the forms anyone can post without signing in (sign-in,
 * registration, forgot and reset password) and the password change: each post may cost a
 * password hash, an audit entry or an e-mail. {@code GATEHOUSE_RATE_LIMIT_PER_MINUTE} posts
 * (default 30) may come at once, refilled at that rate; beyond it the answer is 429 with
 * {@code Retry-After}. Counted per node, on the address the connection comes from.
 */
@WebFilter(filterName = "AnonymousRateLimitFilter", urlPatterns = "/*")
public class AnonymousRateLimitFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(AnonymousRateLimitFilter.class.getName());
    private static final Set<String> LIMITED =
            Set.of("/login", "/verify", "/register", "/forgot", "/reset", "/account/password");
    private static final int MAX_CLIENTS = 100_000;

    @Inject
    @ConfigProperty(name = "GATEHOUSE_RATE_LIMIT_PER_MINUTE", defaultValue = "30")
    int perMinute;

    private final transient Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (perMinute > 0 && "POST".equals(request.getMethod()) && LIMITED.contains(request.getServletPath())) {
            long waitSeconds = take(client(request.getRemoteAddr()), System.nanoTime());
            if (waitSeconds > 0) {
                LOG.info(() -> "request=" + RequestId.current() + " rate limited: POST " + request.getServletPath());
                response.setHeader("Retry-After", Long.toString(waitSeconds));
                response.setHeader("Cache-Control", "no-store");
                response.sendError(429);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /**
     * The client an address belongs to: an IPv4 address, or the /64 network of an IPv6 address (one
     * customer's allocation, so that an attacker cannot take a fresh bucket per address).
     */
    static String client(String address) {
        if (address == null || !address.contains(":")) {
            return address;
        }
        try {
            byte[] bytes = java.net.InetAddress.getByName(address).getAddress();
            return bytes.length == 16 ? java.util.HexFormat.of().formatHex(bytes, 0, 8) + "::/64" : address;
        } catch (java.net.UnknownHostException e) {
            return address;
        }
    }

    private final java.util.concurrent.atomic.AtomicLong lastEviction = new java.util.concurrent.atomic.AtomicLong();

    /** Takes a token for the client; 0 when it had one, otherwise the seconds until it will. */
    long take(String client, long now) {
        long last = lastEviction.get();
        // idle (full) buckets are dropped when there are many, at most once a second
        if (buckets.size() > MAX_CLIENTS && now - last > 1_000_000_000L && lastEviction.compareAndSet(last, now)) {
            buckets.values().removeIf(bucket -> bucket.isFull(now, perMinute));
        }
        return buckets.computeIfAbsent(client, key -> new Bucket(perMinute, now))
                .take(now, perMinute);
    }

    /** Tokens of one client; refilled continuously at {@code perMinute} per minute up to {@code perMinute}. */
    static final class Bucket {

        private static final double NANOS_PER_MINUTE = 60e9;
        private double tokens;
        private long updated;

        Bucket(int capacity, long now) {
            this.tokens = capacity;
            this.updated = now;
        }

        synchronized long take(long now, int perMinute) {
            refill(now, perMinute);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) * NANOS_PER_MINUTE / perMinute / 1e9);
        }

        synchronized boolean isFull(long now, int perMinute) {
            refill(now, perMinute);
            return tokens >= perMinute;
        }

        private void refill(long now, int perMinute) {
            tokens = Math.min(perMinute, tokens + (now - updated) * perMinute / NANOS_PER_MINUTE);
            updated = now;
        }
    }
}
