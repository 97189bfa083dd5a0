package org.gatehouse.web;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Session timeout from {@code GATEHOUSE_SESSION_TIMEOUT_MINUTES} (default 30) and the session
 * cookie's {@code SameSite=Lax} and {@code HttpOnly}. Payara marks the cookie {@code Secure} by
 * itself when the request came over HTTPS.
 */
@WebListener
public class SessionSettings implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        int minutes = ConfigProvider.getConfig(SessionSettings.class.getClassLoader())
                .getOptionalValue("GATEHOUSE_SESSION_TIMEOUT_MINUTES", Integer.class)
                .orElse(30);
        event.getServletContext().setSessionTimeout(minutes);
        // Servlet 6 cookie attributes: the session cookie never goes along with cross-site requests
        event.getServletContext().getSessionCookieConfig().setAttribute("SameSite", "Lax");
        event.getServletContext().getSessionCookieConfig().setHttpOnly(true);
    }
}
