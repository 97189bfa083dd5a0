package org.gatehouse.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gatehouse.audit.AuditAction;
import org.gatehouse.i18n.Texts;
import org.gatehouse.service.Dashboard;
import org.gatehouse.service.ListCount;
import org.gatehouse.web.i18n.TextBean;
import org.gatehouse.web.i18n.When;

/** The dashboard: record counts, records created per day, sign-ins per day and recent activity. */
@Named("home")
@RequestScoped
public class HomeBacking {

    /** Followed by an {@link AuditAction}'s name: every action has its text (DashboardTextsTest). */
    static final String ACTION_TEXT = "dashboard.action.";

    @Inject
    private Dashboard dashboard;

    @Inject
    private When when;

    private Dashboard.Overview overview;
    private final Map<String, String> counts = new HashMap<>();
    private final List<DayChart> createdCharts = new ArrayList<>();
    private DayChart signInChart;

    public void load() {
        Locale locale = TextBean.locale();
        overview = dashboard.overview(when.zone());
        for (Dashboard.ViewFigures figures : overview.views()) {
            counts.put(figures.view().name(), countText(figures.count(), locale));
            if (figures.created() != null) {
                createdCharts.add(DayChart.created(figures.view(), figures.created(), locale));
            }
        }
        signInChart = overview.signIns() == null ? null : DayChart.signIns(overview.signIns(), locale);
    }

    /** "1 record", "about 1,000,000 records", "more than 10,000 records". */
    static String countText(ListCount count, Locale locale) {
        return switch (count.kind()) {
            case EXACT -> Texts.format(locale, "dashboard.count.exact", count.value());
            case ESTIMATE -> Texts.format(locale, "dashboard.count.estimate", count.value());
            case AT_LEAST -> Texts.format(locale, "dashboard.count.atLeast", count.value());
        };
    }

    /** Empty on postbacks (the sign-out and step-up forms), which render nothing of the dashboard. */
    public List<Dashboard.ViewFigures> getViews() {
        return overview == null ? List.of() : overview.views();
    }

    public String count(String view) {
        return counts.getOrDefault(view, "");
    }

    public List<DayChart> getCreatedCharts() {
        return createdCharts;
    }

    public DayChart getSignInChart() {
        return signInChart;
    }

    public List<Dashboard.Activity> getMine() {
        return overview == null ? List.of() : overview.mine();
    }

    public List<Dashboard.Activity> getLatestChanges() {
        return overview == null ? List.of() : overview.latestChanges();
    }

    public String getPeriod() {
        return TextBean.text("dashboard.period", Dashboard.DAYS, when.zone().getId());
    }

    public String action(AuditAction action) {
        return TextBean.text(ACTION_TEXT + action.name());
    }

    /** The record's details page, when it still exists and its id is one an address can carry as it is. */
    public String link(Dashboard.Activity activity) {
        if (!activity.linkable() || !activity.recordId().matches("[A-Za-z0-9_-]{1,64}")) {
            return null;
        }
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/admin/"
                + activity.view().name() + "/" + activity.recordId();
    }
}
