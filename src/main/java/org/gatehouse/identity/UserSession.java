package org.gatehouse.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One signed-in session, kept in the database so that its user or an administrator can see it
 * and end it from any node: the authentication mechanism reads it on every request. The id is
 * random and not a credential (the session cookie is the credential and is never stored).
 */
@Entity
@Table(name = "user_sessions")
public class UserSession {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "user_id", nullable = false)
    private Long userId;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "last_seen_at", nullable = false)
    private OffsetDateTime lastSeenAt;

    @Column(length = 64)
    private String ip;

    @Column(name = "user_agent", length = 255)
    private String userAgent;

    @Column(nullable = false, length = 36)
    private String stamp;

    @Column(name = "ended_at")
    private OffsetDateTime endedAt;

    protected UserSession() {}

    UserSession(String id, Long userId, String stamp, OffsetDateTime at, String ip, String userAgent) {
        this.stamp = stamp;
        this.id = id;
        this.userId = userId;
        this.createdAt = at;
        this.lastSeenAt = at;
        this.ip = ip;
        this.userAgent = userAgent;
    }

    public String getId() {
        return id;
    }

    public Long getUserId() {
        return userId;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getLastSeenAt() {
        return lastSeenAt;
    }

    public String getIp() {
        return ip;
    }

    public String getUserAgent() {
        return userAgent;
    }

    public OffsetDateTime getEndedAt() {
        return endedAt;
    }
}
