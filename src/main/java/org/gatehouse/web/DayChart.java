package org.gatehouse.web;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gatehouse.i18n.Texts;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.JsonTexts;
import org.gatehouse.persistence.DayCounts;
import org.gatehouse.service.Dashboard;

/**
 * A per-day chart of the dashboard as the page renders it: the Chart.js configuration for
 * {@code p:chart}, a sentence saying what it shows (the canvas's accessible name), a visible
 * total, and the same numbers as table rows for a visually hidden table. Series differ by line
 * style and point shape as well as colour; colours come from the style sheet
 * ({@code dashboard.js}), so they follow the light or dark theme.
 *
 * @param id     the HTML id of the chart's box
 * @param series the name of each series, the table's column headers after the day
 */
public record DayChart(
        String id, String title, String total, String summary, String config, List<String> series, List<Row> rows) {

    /** One day of the table: the date as words and one number per series. */
    public record Row(String day, List<String> values) {}

    private static final String[] POINT_STYLES = {"circle", "triangle", "rectRot"};
    private static final int[][] DASHES = {{}, {6, 4}, {2, 3}};

    private static JsonObjectBuilder object() {
        return JsonTexts.object();
    }

    private static JsonArrayBuilder array() {
        return JsonTexts.array();
    }

    /** Records of one view created per day: bars. */
    static DayChart created(AdminView<?> view, DayCounts counts, Locale locale) {
        String title = Texts.label(locale, view.label());
        String summary = counts.busiestDay()
                .map(day -> Texts.format(
                        locale,
                        "dashboard.created.summary",
                        title,
                        counts.days().size(),
                        counts.total(),
                        longDate(locale).format(day),
                        counts.max()))
                .orElseGet(() -> Texts.format(
                        locale,
                        "dashboard.created.summaryNone",
                        title,
                        counts.days().size()));
        JsonObject options = options(locale, false);
        String config = config(
                "bar",
                labels(counts.days(), locale),
                array().add(dataset(title, counts).add("maxBarThickness", 24)),
                options);
        return new DayChart(
                "created-" + view.name(),
                title,
                Texts.format(locale, "dashboard.created.total", counts.total()),
                summary,
                config,
                List.of(title),
                rows(locale, counts));
    }

    /** Sign-ins, failed sign-ins and lockouts per day: three lines, each with its own dash and point shape. */
    static DayChart signIns(Dashboard.SignIns signIns, Locale locale) {
        List<DayCounts> all = List.of(signIns.succeeded(), signIns.failed(), signIns.lockouts());
        List<String> names = List.of(
                Texts.text(locale, "dashboard.signIns.succeeded"),
                Texts.text(locale, "dashboard.signIns.failed"),
                Texts.text(locale, "dashboard.signIns.lockouts"));
        JsonArrayBuilder datasets = array();
        for (int series = 0; series < all.size(); series++) {
            JsonArrayBuilder dash = array();
            for (int length : DASHES[series]) {
                dash.add(length);
            }
            datasets.add(dataset(names.get(series), all.get(series))
                    .add("fill", false)
                    .add("tension", 0)
                    .add("borderWidth", 2)
                    .add("pointRadius", 3)
                    .add("pointHoverRadius", 5)
                    .add("pointStyle", POINT_STYLES[series])
                    .add("borderDash", dash));
        }
        String total = Texts.format(
                locale,
                "dashboard.signIns.total",
                signIns.succeeded().total(),
                signIns.failed().total(),
                signIns.lockouts().total());
        String summary = Texts.format(
                locale,
                "dashboard.signIns.summary",
                signIns.succeeded().days().size(),
                signIns.succeeded().total(),
                signIns.failed().total(),
                signIns.lockouts().total());
        return new DayChart(
                "sign-ins",
                Texts.text(locale, "dashboard.signIns.heading"),
                total,
                summary,
                config("line", labels(signIns.succeeded().days(), locale), datasets, options(locale, true)),
                names,
                rows(locale, all.toArray(DayCounts[]::new)));
    }

    private static JsonObjectBuilder dataset(String label, DayCounts counts) {
        JsonArrayBuilder data = array();
        counts.counts().forEach(data::add);
        return object().add("label", label).add("data", data);
    }

    private static JsonObject options(Locale locale, boolean legend) {
        return object().add("responsive", true)
                .add("maintainAspectRatio", false)
                .add("animation", false)
                .add("locale", locale.toLanguageTag())
                .add("interaction", object().add("mode", "index").add("intersect", false))
                .add(
                        "plugins",
                        object().add(
                                        "legend",
                                        object().add("display", legend)
                                                .add("labels", object().add("usePointStyle", true))))
                .add(
                        "scales",
                        object().add(
                                        "x",
                                        object().add("grid", object().add("display", false))
                                                .add(
                                                        "ticks",
                                                        object().add("maxRotation", 0)
                                                                .add("autoSkipPadding", 12)))
                                .add("y", object().add("beginAtZero", true).add("ticks", object().add("precision", 0))))
                .build();
    }

    /**
     * The configuration as PrimeFaces writes it into the page's script: JSON, with the characters
     * that could end a script element or confuse an HTML parser written as escapes.
     */
    private static String config(String type, JsonArrayBuilder labels, JsonArrayBuilder datasets, JsonObject options) {
        return scriptSafe(object().add("type", type)
                .add("data", object().add("labels", labels).add("datasets", datasets))
                .add("options", options)
                .build()
                .toString());
    }

    /** The same JSON with no character that could end a script element or break the script around it. */
    static String scriptSafe(String json) {
        return json.replace("<", "\\u003c")
                .replace(">", "\\u003e")
                .replace("&", "\\u0026")
                .replace("\u2028", "\\u2028")
                .replace("\u2029", "\\u2029");
    }

    private static JsonArrayBuilder labels(List<LocalDate> days, Locale locale) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern(Texts.text(locale, "dashboard.dayPattern"), locale);
        JsonArrayBuilder labels = array();
        days.forEach(day -> labels.add(format.format(day)));
        return labels;
    }

    private static List<Row> rows(Locale locale, DayCounts... series) {
        NumberFormat numbers = NumberFormat.getIntegerInstance(locale);
        DateTimeFormatter format = longDate(locale);
        List<Row> rows = new ArrayList<>();
        List<LocalDate> days = series[0].days();
        for (int day = 0; day < days.size(); day++) {
            List<String> values = new ArrayList<>();
            for (DayCounts counts : series) {
                values.add(numbers.format(counts.counts().get(day)));
            }
            rows.add(new Row(format.format(days.get(day)), values));
        }
        return rows;
    }

    private static DateTimeFormatter longDate(Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
    }
}
