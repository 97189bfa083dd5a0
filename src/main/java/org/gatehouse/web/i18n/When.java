package org.gatehouse.web.i18n;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.gatehouse.i18n.Texts;

/**
 * Moments as a reader wants them: in their time zone and language, exactly ({@code #{when.exact(x)}})
 * or relative to now ({@code #{when.relative(x)}}, "3 minutes ago"), for example with the exact
 * time as the tooltip. Stored moments are UTC; a {@link LocalDateTime} is taken as UTC too.
 */
@Named("when")
@ApplicationScoped
public class When {

    private static final Duration RELATIVE_UP_TO = Duration.ofDays(7);

    /** The moment in the reader's time zone, with the zone's short name. */
    public String exact(Object moment) {
        Instant instant = instant(moment);
        if (instant == null) {
            return moment instanceof LocalDate date ? date(date) : "";
        }
        return exact(instant, TextBean.locale(), zone());
    }

    /** "3 minutes ago" for the last week, the exact moment before that. */
    public String relative(Object moment) {
        Instant instant = instant(moment);
        if (instant == null) {
            return exact(moment);
        }
        return relative(instant, Instant.now(), TextBean.locale(), zone());
    }

    /** A date in the reader's language. */
    public String date(LocalDate date) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(TextBean.locale())
                .format(date);
    }

    static String exact(Instant instant, Locale locale, ZoneId zone) {
        String pattern =
                Locale.GERMAN.getLanguage().equals(locale.getLanguage()) ? "dd.MM.yyyy HH:mm z" : "yyyy-MM-dd HH:mm z";
        return DateTimeFormatter.ofPattern(pattern, locale).withZone(zone).format(instant);
    }

    static String relative(Instant instant, Instant now, Locale locale, ZoneId zone) {
        Duration ago = Duration.between(instant, now);
        if (ago.isNegative() || ago.compareTo(RELATIVE_UP_TO) > 0) {
            return exact(instant, locale, zone);
        }
        if (ago.toMinutes() < 1) {
            return Texts.text(locale, "time.justNow");
        }
        if (ago.toHours() < 1) {
            return Texts.format(locale, "time.minutesAgo", ago.toMinutes());
        }
        if (ago.toDays() < 1) {
            return Texts.format(locale, "time.hoursAgo", ago.toHours());
        }
        return Texts.format(locale, "time.daysAgo", ago.toDays());
    }

    /** The reader's time zone, as their browser reported it (UTC until it has). */
    public ZoneId zone() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces == null
                ? ZoneOffset.UTC
                : Language.timeZone(
                        (HttpServletRequest) faces.getExternalContext().getRequest());
    }

    static Instant instant(Object moment) {
        if (moment instanceof Instant instant) {
            return instant;
        }
        if (moment instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (moment instanceof ZonedDateTime zoned) {
            return zoned.toInstant();
        }
        if (moment instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC);
        }
        return null;
    }
}
