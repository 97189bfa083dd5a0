package org.gatehouse.web.i18n;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.gatehouse.i18n.Texts;

/** What the templates need to show the reader's preferences and the footer's form that changes them. */
@Named("prefs")
@RequestScoped
public class Preferences {

    private HttpServletRequest request() {
        return (HttpServletRequest)
                FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }

    /** The language tag of the page, for {@code <html lang>}. */
    public String getLang() {
        return TextBean.locale().getLanguage();
    }

    /** The switcher's current value: a language tag, or "auto" when the browser decides. */
    public String getLanguage() {
        return Language.chosen(request()).map(Locale::getLanguage).orElse(Language.AUTOMATIC);
    }

    public java.util.List<String> languages() {
        return Texts.SUPPORTED.stream().map(Locale::getLanguage).toList();
    }

    public String getTheme() {
        return Theme.of(request());
    }

    public java.util.List<String> themes() {
        return Theme.MODES;
    }

    public String getLightMedia() {
        return Theme.lightMedia(getTheme());
    }

    public String getDarkMedia() {
        return Theme.darkMedia(getTheme());
    }

    /** The address the page was asked for (before the clean-URL forward), to come back to after a change. */
    public String getCurrentUrl() {
        HttpServletRequest request = request();
        boolean error = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) != null;
        Object uri = request.getAttribute(
                error ? RequestDispatcher.ERROR_REQUEST_URI : RequestDispatcher.FORWARD_REQUEST_URI);
        Object query = error ? null : request.getAttribute(RequestDispatcher.FORWARD_QUERY_STRING);
        if (uri == null) {
            uri = request.getRequestURI();
            query = request.getQueryString();
        }
        return uri + (query == null ? "" : "?" + query);
    }
}
