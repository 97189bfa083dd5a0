package org.gatehouse.identity;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Locale;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.gatehouse.i18n.Texts;

/**
 * Sends password reset e-mails in the background: the page answers at once and equally fast
 * whether or not an e-mail goes out, so its timing does not tell which addresses have accounts.
 */
@Stateless
@PermitAll
public class ResetMail {

    private static final Logger LOG = Logger.getLogger(ResetMail.class.getName());

    @Inject
    private MailSettings settings;

    /** A reset link to mail, in the given language, once the transaction that stored it has committed. */
    public record Link(String to, String url, Locale language) {}

    /** Observes stored links; the container calls it after commit only (and never for a rolled-back one). */
    @Asynchronous
    public void sendStored(
            @jakarta.enterprise.event.Observes(during = jakarta.enterprise.event.TransactionPhase.AFTER_SUCCESS)
                    Link link) {
        send(link.to(), link.url(), link.language());
    }

    private void send(String to, String link, Locale language) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", settings.host().orElseThrow());
        properties.put("mail.smtp.port", Integer.toString(settings.port()));
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "5000");
        settings.user().ifPresent(user -> properties.put("mail.smtp.auth", "true"));
        Session session = Session.getInstance(properties);
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(settings.from()));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
            message.setSubject(Texts.text(language, "resetMail.subject"), "UTF-8");
            message.setText(Texts.format(language, "resetMail.body", link), "UTF-8");
            message.setHeader("Content-Language", Texts.supported(language).getLanguage());
            if (settings.user().isPresent()) {
                Transport.send(
                        message, settings.user().get(), settings.password().orElse(""));
            } else {
                Transport.send(message);
            }
        } catch (MessagingException e) {
            // the answer to the person was the same either way; the operator sees why no mail went out
            LOG.log(Level.WARNING, "Could not send the password reset e-mail: " + e.getMessage());
        }
    }
}
