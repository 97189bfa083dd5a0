package org.gatehouse.service;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.security.Principal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.gatehouse.audit.AuditAction;
import org.gatehouse.audit.AuditActivity;
import org.gatehouse.audit.AuditEntry;
import org.gatehouse.metadata.AdminRegistry;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.Operation;
import org.gatehouse.metadata.PropertyDescriptor;
import org.gatehouse.metadata.Roles;
import org.gatehouse.persistence.DayCounts;
import org.gatehouse.persistence.DayRange;

/**
 * What the home page shows, for whoever asks: for each view they may see, its record count and the
 * records created per day; sign-ins, failures and lockouts per day; their own recent actions and
 * the latest changes. The audit log is read as the rights go: whoever may see the audit log sees
 * every entry there is, anyone else only entries about records of views they may see (as their
 * History tabs show them). One call, one transaction; each figure reads one index range, and the
 * per-day figures count only today's range on most visits ({@link CompletedDays}).
 */
@Stateless
@RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.VIEWER})
public class Dashboard {

    /** How many days the charts cover, today included. */
    public static final int DAYS = 30;

    /** How many entries each activity list shows. */
    public static final int RECENT = 8;

    private static final Set<AuditAction> SIGN_IN_EVENTS =
            EnumSet.of(AuditAction.LOGIN_SUCCESS, AuditAction.LOGIN_FAILURE, AuditAction.LOCKOUT);

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AccessChecks access;

    @Inject
    private EntityLists lists;

    @Inject
    private AdminRegistry registry;

    @Inject
    private AuditActivity activity;

    @Inject
    private CompletedDays completedDays;

    @Resource
    private SessionContext caller;

    /** A view's figures: its count, and its records created per day when it declares when they were. */
    public record ViewFigures(AdminView<?> view, ListCount count, DayCounts created) {}

    /** Sign-ins, failed sign-ins and lockouts per day. */
    public record SignIns(DayCounts succeeded, DayCounts failed, DayCounts lockouts) {}

    /**
     * One audit entry as the dashboard lists it; {@code view} is null for entries about no view's
     * records, {@code viewable} says whether the reader may open that view.
     */
    public record Activity(
            OffsetDateTime at,
            String actor,
            AuditAction action,
            AdminView<?> view,
            boolean viewable,
            String recordId,
            String recordLabel) {

        /** Whether the record's details page is the reader's to open and was not deleted by this entry. */
        public boolean linkable() {
            return viewable && recordId != null && action != AuditAction.DELETE && action != AuditAction.BULK_DELETE;
        }

        /** The record's title when it was recorded, else its id. */
        public String recordName() {
            return recordLabel != null && !recordLabel.isBlank() ? recordLabel : recordId == null ? "" : "#" + recordId;
        }
    }

    /**
     * Everything on the home page. {@code signIns} is null for a caller who may not see the audit
     * log, where those events are kept.
     */
    public record Overview(
            DayRange range,
            List<ViewFigures> views,
            SignIns signIns,
            List<Activity> mine,
            List<Activity> latestChanges) {}

    /** The figures of the last {@link #DAYS} days, by the calendar of the given time zone. */
    public Overview overview(ZoneId zone) {
        DayRange range = DayRange.lastDays(DAYS, LocalDate.now(zone), zone);
        List<ViewFigures> views = new ArrayList<>();
        Map<String, AdminView<?>> visibleTypes = new HashMap<>();
        Map<String, AdminView<?>> allTypes = new HashMap<>();
        for (AdminView<?> view : registry.views()) {
            allTypes.put(entityType(view), view);
            if (!access.can(view, Operation.VIEW)) {
                continue;
            }
            var rules = access.rules(view);
            if (!rules.scoped() && rules.hidden().isEmpty()) {
                // the activity lists name records and values: only of views the caller sees whole
                visibleTypes.put(entityType(view), view);
            }
            ListCount count = lists.listCount(view, ListRequest.defaults(view));
            // per-day counts read the whole table's index: not for a caller with a row scope
            views.add(new ViewFigures(
                    view,
                    count,
                    rules.scoped()
                            ? null
                            : view.created()
                                    .map(created -> createdPerDay(view, created, range))
                                    .orElse(null)));
        }
        boolean wholeLog = maySeeWholeAuditLog();
        SignIns signIns = wholeLog ? signIns(range) : null;
        Principal principal = caller.getCallerPrincipal();
        List<AuditEntry> mine = activity.byActor(
                principal == null ? null : principal.getName(), wholeLog ? null : visibleTypes.keySet(), RECENT);
        List<AuditEntry> changes = activity.latestWrites(wholeLog ? allTypes.keySet() : visibleTypes.keySet(), RECENT);
        return new Overview(
                range,
                views,
                signIns,
                activities(mine, allTypes, visibleTypes),
                activities(changes, allTypes, visibleTypes));
    }

    private static List<Activity> activities(
            List<AuditEntry> entries, Map<String, AdminView<?>> views, Map<String, AdminView<?>> visible) {
        return entries.stream()
                .map(entry -> new Activity(
                        entry.getAt(),
                        entry.getActor(),
                        entry.getAction(),
                        views.get(entry.getEntityType()),
                        visible.containsKey(entry.getEntityType()),
                        entry.getEntityId(),
                        entry.getEntityLabel()))
                .toList();
    }

    /** Sign-in events per day: the finished days as counted in the last minutes, today counted now. */
    private SignIns signIns(DayRange range) {
        Map<AuditAction, DayCounts> before = completedDays.counts(
                "sign-ins", range.earlier(), () -> activity.perDay(SIGN_IN_EVENTS, range.earlier()));
        Map<AuditAction, DayCounts> today = activity.perDay(SIGN_IN_EVENTS, range.latest());
        Function<AuditAction, DayCounts> all = action -> before.get(action).followedBy(today.get(action));
        return new SignIns(
                all.apply(AuditAction.LOGIN_SUCCESS),
                all.apply(AuditAction.LOGIN_FAILURE),
                all.apply(AuditAction.LOCKOUT));
    }

    /**
     * How many of the view's records were created on each day: the finished days as counted in the
     * last minutes ({@link CompletedDays}), today counted now.
     */
    private DayCounts createdPerDay(AdminView<?> view, PropertyDescriptor created, DayRange range) {
        DayCounts before = completedDays.counts(
                "created:" + view.name(), range.earlier(), () -> countCreated(view, created, range.earlier()));
        return before.followedBy(countCreated(view, created, range.latest()));
    }

    /** One range of the created property's index, one sum per day. */
    private DayCounts countCreated(AdminView<?> view, PropertyDescriptor created, DayRange range) {
        String entity = em.getMetamodel().entity(view.type()).getName();
        String moment = "e." + created.name();
        Query query = em.createQuery(
                "select " + range.sumsPerDay(moment) + " from " + entity + " e where " + range.within(moment));
        return range.counts(
                range.bind(
                                query,
                                instant -> EntityQuery.attributeValue(
                                        created, LocalDateTime.ofInstant(instant, ZoneOffset.UTC)))
                        .getSingleResult(),
                0);
    }

    /**
     * Whether every entry of the audit log is the caller's to see: those who may view the audit log
     * view; when no such view is registered, administrators.
     */
    private boolean maySeeWholeAuditLog() {
        return registry.viewOf(AuditEntry.class)
                .map(view -> access.can(view, Operation.VIEW))
                .orElseGet(() -> caller.isCallerInRole(Roles.ADMIN));
    }

    /** The entity type the audit log records a view's writes under. */
    private static String entityType(AdminView<?> view) {
        return view.type().getSimpleName();
    }
}
