package org.gatehouse.web.i18n;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.util.AbstractMap;
import java.util.Locale;
import java.util.Set;
import org.gatehouse.i18n.Message;
import org.gatehouse.i18n.Texts;

/**
 * The texts for pages: {@code #{t['login.title']}} for a plain text and
 * {@code #{t.format('list.count', n)}} for one with arguments, in the language of the request.
 */
@Named("t")
@ApplicationScoped
public class TextBean extends AbstractMap<String, String> {

    @Override
    public String get(Object key) {
        return Texts.text(locale(), String.valueOf(key));
    }

    @Override
    public boolean containsKey(Object key) {
        return true;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return Set.of();
    }

    public String format(String key, Object first) {
        return Texts.format(locale(), key, first);
    }

    public String format(String key, Object first, Object second) {
        return Texts.format(locale(), key, first, second);
    }

    public String format(String key, Object first, Object second, Object third) {
        return Texts.format(locale(), key, first, second, third);
    }

    /** A label from a view declaration, which may be a bundle key. */
    public String label(String labelOrKey) {
        return Texts.label(locale(), labelOrKey);
    }

    /** A message a service gave, in the reader's language. */
    public String message(Message message) {
        return message == null ? "" : message.text(locale());
    }

    /** The language of the current request (English outside a Faces request). */
    public static Locale locale() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces == null || faces.getViewRoot() == null) {
            return faces == null
                    ? Locale.ENGLISH
                    : Texts.supported(faces.getExternalContext().getRequestLocale());
        }
        return Texts.supported(faces.getViewRoot().getLocale());
    }

    /** Shorthand for beans: the text for the key in the request's language. */
    public static String text(String key, Object... arguments) {
        return Texts.format(locale(), key, arguments);
    }
}
