package org.gatehouse.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.gatehouse.persistence.BaseEntity;

/** A password reset link that was sent: the hash of its token, its expiry, whether it was used. */
@Entity
@Table(name = "password_resets")
public class PasswordReset extends BaseEntity {

    private static final long serialVersionUID = 1L;

    @Id
    @SequenceGenerator(name = "password_resets_seq", sequenceName = "password_resets_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "password_resets_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "user_id", nullable = false)
    private User user;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;

    @Column(name = "used_at")
    private OffsetDateTime usedAt;

    /** The account's session stamp when the link was sent; a different stamp now voids the link. */
    @Column(name = "user_stamp", length = 36)
    private String userStamp;

    protected PasswordReset() {}

    PasswordReset(User user, String tokenHash, OffsetDateTime createdAt, OffsetDateTime expiresAt) {
        this.user = user;
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.userStamp = user.getSessionStamp();
    }

    @Override
    public Long getId() {
        return id;
    }

    User getUser() {
        return user;
    }

    boolean isUsable(OffsetDateTime at) {
        return usedAt == null
                && expiresAt.isAfter(at)
                && user.isActive()
                && user.getSessionStamp().equals(userStamp);
    }

    void markUsed(OffsetDateTime at) {
        usedAt = at;
    }
}
