package org.gatehouse.identity;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gatehouse.audit.AuditAction;
import org.gatehouse.audit.AuditLog;

/**
 * "Forgot password": a single-use link, valid one hour, sent by e-mail through the SMTP server
 * in {@code GATEHOUSE_SMTP_HOST} / {@code GATEHOUSE_SMTP_PORT}. Asking for a link answers the
 * same whether or not the address has an account; only a hash of the token is stored.
 */
@Stateless
@PermitAll
public class PasswordResetService {

    static final Duration VALIDITY = Duration.ofHours(1);
    private static final Logger LOG = Logger.getLogger(PasswordResetService.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PasswordHasher hasher;

    @Inject
    private AuditLog audit;

    @Inject
    @ConfigProperty(name = "GATEHOUSE_SMTP_HOST")
    private Optional<String> smtpHost;

    @Inject
    @ConfigProperty(name = "GATEHOUSE_SMTP_PORT", defaultValue = "25")
    private int smtpPort;

    @Inject
    @ConfigProperty(name = "GATEHOUSE_SMTP_USER")
    private Optional<String> smtpUser;

    @Inject
    @ConfigProperty(name = "GATEHOUSE_SMTP_PASSWORD")
    private Optional<String> smtpPassword;

    @Inject
    @ConfigProperty(name = "GATEHOUSE_MAIL_FROM", defaultValue = "gatehouse@localhost")
    private String from;

    /** Whether mail can be sent at all; without it the "forgot password" link is not offered. */
    public boolean isAvailable() {
        return smtpHost.filter(host -> !host.isBlank()).isPresent();
    }

    /** Sends a reset link to the address if it belongs to an active user; says nothing either way. */
    public void requestReset(String email, String resetPageUrl) {
        if (!isAvailable()) {
            return;
        }
        String normalized = User.normalizeEmail(email);
        User user = em.createQuery("select u from User u where u.email = :email and u.active = true", User.class)
                .setParameter("email", normalized).getResultStream().findFirst().orElse(null);
        if (user == null) {
            return;
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        em.persist(new PasswordReset(user, hash(token), now, now.plus(VALIDITY)));
        audit.securityEvent(AuditAction.PASSWORD_RESET, user.getEmail(), "reset link sent");
        send(user.getEmail(), resetPageUrl + "?token=" + token);
    }

    /** Whether a link's token can still be used, to show the form or say it expired. */
    public boolean isValid(String token) {
        return find(token).filter(reset -> reset.isUsable(OffsetDateTime.now(ZoneOffset.UTC))).isPresent();
    }

    /** Sets the new password through a valid link, which can then never be used again. */
    public void resetPassword(String token, String newPassword) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        PasswordReset reset = find(token).filter(candidate -> candidate.isUsable(now))
                .orElseThrow(() -> new IdentityException(null, "This link is invalid or has expired; ask for a new one"));
        User user = reset.getUser();
        PasswordPolicy.check(newPassword, user.getEmail());
        user.setPasswordHash(hasher.hash(newPassword));
        user.unlock();
        reset.markUsed(now);
        audit.record(AuditAction.PASSWORD_RESET, User.class.getSimpleName(), String.valueOf(user.getId()),
                user.getEmail(), AuditLog.withSecret("{}", "password"));
    }

    private Optional<PasswordReset> find(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return em.createQuery("select r from PasswordReset r where r.tokenHash = :hash", PasswordReset.class)
                .setParameter("hash", hash(token)).getResultStream().findFirst();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void send(String to, String link) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", smtpHost.orElseThrow());
        properties.put("mail.smtp.port", Integer.toString(smtpPort));
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "5000");
        smtpUser.ifPresent(user -> properties.put("mail.smtp.auth", "true"));
        Session session = Session.getInstance(properties);
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(from));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
            message.setSubject("Reset your Gatehouse password");
            message.setText("Someone asked to reset the password of your Gatehouse account.\n\n"
                    + "To choose a new password, open this link within one hour:\n" + link + "\n\n"
                    + "If it was not you, ignore this message; your password stays as it is.\n", "UTF-8");
            if (smtpUser.isPresent()) {
                Transport.send(message, smtpUser.get(), smtpPassword.orElse(""));
            } else {
                Transport.send(message);
            }
        } catch (MessagingException e) {
            // the answer to the person stays the same; the operator sees why no mail went out
            LOG.log(Level.WARNING, "Could not send the password reset e-mail: " + e.getMessage());
        }
    }
}
