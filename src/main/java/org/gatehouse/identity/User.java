package org.gatehouse.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.gatehouse.persistence.BaseEntity;

/**
 * A person who may sign in. The email is the login name; it is kept lower-case so that
 * lookups and the unique constraint are case-insensitive on every database.
 */
@Entity
@Table(name = "users")
public class User extends BaseEntity {

    private static final long serialVersionUID = 1L;

    @Id
    @SequenceGenerator(name = "users_seq", sequenceName = "users_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "users_seq")
    private Long id;

    @NotBlank
    @Email
    @Size(max = 254)
    @Column(nullable = false, unique = true, length = 254)
    private String email;

    @NotNull
    @Column(name = "password_hash", nullable = false, length = 512)
    private String passwordHash;

    @Column(nullable = false)
    private boolean active = true;

    @Column(name = "confirmed_at")
    private OffsetDateTime confirmedAt;

    @NotNull
    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt = OffsetDateTime.now(ZoneOffset.UTC);

    @Column(name = "login_count", nullable = false)
    private int loginCount;

    @Column(name = "last_login_at")
    private OffsetDateTime lastLoginAt;

    @Column(name = "last_login_ip", length = 64)
    private String lastLoginIp;

    @Column(name = "current_login_at")
    private OffsetDateTime currentLoginAt;

    @Column(name = "current_login_ip", length = 64)
    private String currentLoginIp;

    @Column(name = "failed_count", nullable = false)
    private int failedCount;

    @Column(name = "first_failed_at")
    private OffsetDateTime firstFailedAt;

    @Column(name = "locked_until")
    private OffsetDateTime lockedUntil;

    @Column(name = "session_stamp", nullable = false, length = 36)
    private String sessionStamp = java.util.UUID.randomUUID().toString();

    /** The second factor's key, sealed by {@link SecretBox}; never shown, exported or audited. */
    @Column(name = "totp_secret", length = 255)
    private String totpSecret;

    @Column(name = "totp_enabled_at")
    private OffsetDateTime totpEnabledAt;

    /** The last step whose code was accepted: a code is good once. */
    @Column(name = "totp_last_step", nullable = false)
    private long totpLastStep;

    /** The language chosen in the switcher (a supported language tag), or null for the browser's. */
    @Column(length = 8)
    private String language;

    /**
     * The country the user works for, as an ISO 3166 two-letter code: what row scopes such as
     * {@code customer.country = {user.country}} compare with.
     */
    @Pattern(regexp = "[A-Z]{2}", message = "{gatehouse.user.country}")
    @Column(length = 2)
    private String country;

    @ManyToMany
    @JoinTable(
            name = "users_roles",
            joinColumns = @JoinColumn(name = "user_id"),
            inverseJoinColumns = @JoinColumn(name = "role_id"))
    private Set<Role> roles = new LinkedHashSet<>();

    protected User() {}

    public User(String email, String passwordHash) {
        setEmail(email);
        this.passwordHash = passwordHash;
    }

    /** The one place where an email becomes the stored, comparable form. */
    public static String normalizeEmail(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    @PrePersist
    @PreUpdate
    void normalize() {
        email = normalizeEmail(email);
    }

    @Override
    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = normalizeEmail(email);
    }

    String getPasswordHash() {
        return passwordHash;
    }

    void setPasswordHash(String passwordHash) {
        if (this.passwordHash != null && !this.passwordHash.equals(passwordHash)) {
            revokeSessions();
        }
        this.passwordHash = passwordHash;
    }

    /** Ends every live session of this user at its next request (see {@code SessionRevocationFilter}). */
    public void revokeSessions() {
        sessionStamp = java.util.UUID.randomUUID().toString();
    }

    /** Undoes the stamp change of a password change whose user chose to stay signed in elsewhere. */
    void keepStamp(String stamp) {
        sessionStamp = stamp;
    }

    public String getSessionStamp() {
        return sessionStamp;
    }

    /**
     * A successful login: the previous one becomes "last". Only this attempt's own reservation is
     * given back; failures of attempts that ran at the same time stay counted.
     */
    void recordLogin(String ip, OffsetDateTime at) {
        lastLoginAt = currentLoginAt;
        lastLoginIp = currentLoginIp;
        currentLoginAt = at;
        currentLoginIp = ip;
        loginCount++;
        releaseAttempt();
    }

    /**
     * Counts a sign-in attempt before its password is checked, so that concurrent guesses cannot
     * all pass a check made before any of them failed. Attempts count within a window from the
     * first one; once the limit is reached no further attempt is allowed (the caller then locks).
     * Returns whether this attempt may check its password.
     */
    boolean reserveAttempt(OffsetDateTime at, int maxFailures, java.time.Duration window) {
        if (firstFailedAt == null || firstFailedAt.plus(window).isBefore(at)) {
            firstFailedAt = at;
            failedCount = 0;
        }
        if (failedCount >= maxFailures) {
            return false;
        }
        failedCount++;
        return true;
    }

    /** A reserved attempt turned out right: it no longer counts as a failure. */
    void releaseAttempt() {
        failedCount = Math.max(0, failedCount - 1);
        if (failedCount == 0) {
            firstFailedAt = null;
        }
    }

    /** Locks the account when its attempts reached the limit; returns whether this call locked it. */
    boolean lockIfExhausted(OffsetDateTime at, int maxFailures, java.time.Duration lock) {
        if (failedCount >= maxFailures && !isLocked(at)) {
            lockedUntil = at.plus(lock);
            return true;
        }
        return false;
    }

    public boolean isLocked(OffsetDateTime at) {
        return lockedUntil != null && lockedUntil.isAfter(at);
    }

    public void unlock() {
        failedCount = 0;
        firstFailedAt = null;
        lockedUntil = null;
    }

    /** Whether the user signs in with a second factor. */
    public boolean hasSecondFactor() {
        return totpSecret != null;
    }

    public OffsetDateTime getTotpEnabledAt() {
        return totpEnabledAt;
    }

    String getTotpSecret() {
        return totpSecret;
    }

    long getTotpLastStep() {
        return totpLastStep;
    }

    /** Takes a code's step as used; false when that step or a later one was used already (a replay). */
    boolean useStep(long step) {
        if (step <= totpLastStep) {
            return false;
        }
        totpLastStep = step;
        return true;
    }

    void enableSecondFactor(String sealedSecret, long confirmedStep, OffsetDateTime at) {
        totpSecret = sealedSecret;
        totpLastStep = confirmedStep;
        totpEnabledAt = at;
    }

    /** Removes the second factor; live sessions end, so that none outlives the factor it signed in with. */
    void removeSecondFactor() {
        totpSecret = null;
        totpEnabledAt = null;
        revokeSessions();
    }

    public int getLoginCount() {
        return loginCount;
    }

    public OffsetDateTime getLastLoginAt() {
        return lastLoginAt;
    }

    public String getLastLoginIp() {
        return lastLoginIp;
    }

    public OffsetDateTime getCurrentLoginAt() {
        return currentLoginAt;
    }

    public String getCurrentLoginIp() {
        return currentLoginIp;
    }

    public int getFailedCount() {
        return failedCount;
    }

    public OffsetDateTime getLockedUntil() {
        return lockedUntil;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        if (this.active != active) {
            revokeSessions();
        }
        this.active = active;
    }

    public OffsetDateTime getConfirmedAt() {
        return confirmedAt;
    }

    public void setConfirmedAt(OffsetDateTime confirmedAt) {
        this.confirmedAt = confirmedAt;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public Set<Role> getRoles() {
        return roles;
    }

    public void setRoles(Set<Role> roles) {
        if (!java.util.Objects.equals(new java.util.HashSet<>(this.roles), new java.util.HashSet<>(roles))) {
            revokeSessions();
        }
        this.roles = roles;
    }

    public boolean hasRole(String roleName) {
        return roles.stream().anyMatch(role -> role.getName().equals(roleName));
    }

    public String getRoleNames() {
        return roles.stream().map(Role::getName).sorted().collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return email;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country == null || country.isBlank() ? null : country.strip();
    }
}
