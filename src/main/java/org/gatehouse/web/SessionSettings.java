package org.gatehouse.web;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Session timeout from {@code GATEHOUSE_SESSION_TIMEOUT_MINUTES} (default 30); session cookies
 * are {@code Secure} whenever the request came over HTTPS.
 */
@WebListener
public class SessionSettings implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        int minutes = ConfigProvider.getConfig(SessionSettings.class.getClassLoader())
                .getOptionalValue("GATEHOUSE_SESSION_TIMEOUT_MINUTES", Integer.class).orElse(30);
        event.getServletContext().setSessionTimeout(minutes);
    }
}
