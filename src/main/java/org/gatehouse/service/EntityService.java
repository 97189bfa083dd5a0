package org.gatehouse.service;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gatehouse.audit.AuditAction;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.i18n.Message;
import org.gatehouse.i18n.Texts;
import org.gatehouse.metadata.AdminRegistry;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.BulkAction;
import org.gatehouse.metadata.Operation;
import org.gatehouse.metadata.PropertyAccess;
import org.gatehouse.metadata.PropertyDescriptor;
import org.gatehouse.metadata.PropertyKind;
import org.gatehouse.metadata.Roles;
import org.gatehouse.metadata.ValueText;
import org.gatehouse.metadata.ViewRules;
import org.gatehouse.metadata.WriteHook;
import org.gatehouse.persistence.BaseEntity;

/**
 * Queries and writes for any registered entity, driven by its {@link AdminView}. Paging,
 * sorting, filtering and counting run in the database; related entities shown in the list are
 * fetched with the page, never one query per row.
 */
@Stateless
@DeclareRoles({Roles.ADMIN, Roles.EDITOR, Roles.VIEWER})
@RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.VIEWER})
public class EntityService {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(EntityService.class.getName());

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AuditLog audit;

    @Inject
    private AdminRegistry registry;

    @Inject
    private org.gatehouse.ops.OperationsMetrics metrics;

    @Resource
    private SessionContext caller;

    @Inject
    private org.gatehouse.identity.StepUp stepUp;

    // ---------------------------------------------------------------- permissions

    @Inject
    private CallerRules callerRules;

    /**
     * Whether the caller may perform the operation on the view; what menus and buttons ask. It
     * takes the roles the caller's account holds now, in the database, that their session also
     * announced: a session that outlived a deactivation or a role change reads and writes nothing,
     * even through a path the web layer did not foresee. What an admin granted or took from a role
     * on its Permissions tab counts from the next request on. A view listing records of other
     * views (the audit log) is closed to callers whose access rules narrow.
     */
    public boolean can(AdminView<?> view, Operation operation) {
        return callerRules.may(view, operation, caller::isCallerInRole, who())
                && !(view.listsOtherViews() && callerRules.narrowedAnywhere(registry.views(), who()));
    }

    /**
     * The view as the caller may see it: without the properties hidden from them, with those they
     * may not change marked read-only. Pages show this; the service checks every request against it.
     */
    public <E> AdminView<E> viewFor(AdminView<E> view) {
        return callerRules.narrowed(view, who());
    }

    /** What narrows the caller's access to the view (row scopes, hidden and read-only properties). */
    public ViewRules rules(AdminView<?> view) {
        return callerRules.of(view, who());
    }

    /**
     * The view as declared, whichever narrowed copy a page passed: writes check and record every
     * property, also those hidden from the caller.
     */
    @SuppressWarnings("unchecked")
    private <E> AdminView<E> declared(AdminView<E> view) {
        return (AdminView<E>) registry.view(view.name()).orElse(view);
    }

    private String who() {
        java.security.Principal principal = caller.getCallerPrincipal();
        return principal == null ? null : principal.getName();
    }

    private void require(AdminView<?> view, Operation operation) {
        if (!can(view, operation)) {
            refuse(view.name() + ":" + operation.name().toLowerCase(Locale.ROOT));
        }
    }

    /** Whether the caller may run the view's bulk action; what the list's buttons ask. */
    public boolean canRun(AdminView<?> view, String action) {
        return callerRules.mayRun(view, action, caller::isCallerInRole, who());
    }

    private void requireAction(AdminView<?> view, String action) {
        if (!canRun(view, action)) {
            refuse(view.name() + ":action:" + action);
        }
    }

    /** A write: the operation granted as for {@link #can} (the audit log's closure does not matter: it takes no writes). */
    private void requireWrite(AdminView<?> view, Operation operation) {
        if (!callerRules.may(view, operation, caller::isCallerInRole, who())) {
            refuse(view.name() + ":" + operation.name().toLowerCase(Locale.ROOT));
        }
    }

    /** Reading related records for pickers needs the right to view their own admin view. */
    private void requireViewOf(Class<?> type) {
        AdminView<?> related = registry.viewOf(type).orElse(null);
        if (related == null ? !caller.isCallerInRole(Roles.ADMIN) : !can(related, Operation.VIEW)) {
            refuse(type.getSimpleName() + ":view");
        }
    }

    private void refuse(String what) {
        String who = caller.getCallerPrincipal() == null ? null : caller.getCallerPrincipal().getName();
        LOG.warning(() -> "Forbidden: " + who + " may not " + what);
        audit.securityEvent(AuditAction.FORBIDDEN, who, what);
        throw new ForbiddenException(what.replace(':', ' '));
    }

    /**
     * One page of rows in the request's order. The page's ids are found first, from the indexes
     * alone where possible, and only those rows are then read with what their columns show:
     * deep pages skip over index entries rather than whole rows.
     */
    public <E> List<E> page(AdminView<E> view, ListRequest request) {
        require(view, Operation.VIEW);
        long started = System.nanoTime();
        try {
            return query(view).page(checked(view, request), request);
        } finally {
            metrics.listQuery(view.name(), java.time.Duration.ofNanos(System.nanoTime() - started));
        }
    }

    @Inject
    private RowEstimates estimates;

    /** How far a filtered result is counted before it is shown as "more than". */
    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "GATEHOUSE_COUNT_CAP", defaultValue = "10000")
    private int countCap;

    /**
     * The count a list page shows. Unfiltered large tables on PostgreSQL use the planner's row
     * estimate ({@code pg_class.reltuples}) instead of scanning; filtered results are counted up
     * to the cap and then read "more than"; everything small is exact.
     */
    public ListCount listCount(AdminView<?> view, ListRequest request) {
        require(view, Operation.VIEW);
        AdminView<?> seen = checked(view, request);
        // a scoped list is counted like a filtered one, up to the cap: the planner's estimate counts
        // every row of the table, which would tell a scoped caller how many lie outside their scope
        if (request.search() == null && request.filters().isEmpty() && !rules(view).scoped()) {
            var estimate = estimates.ofBigTable(view.type());
            return estimate.isPresent() ? new ListCount(estimate.getAsLong(), ListCount.Kind.ESTIMATE)
                    : new ListCount(count(view, request), ListCount.Kind.EXACT);
        }
        return cappedCount(seen, request);
    }

    @SuppressWarnings("unchecked")
    private <E> ListCount cappedCount(AdminView<E> view, ListRequest request) {
        return query(view).cappedCount(view, request, countCap);
    }

    /**
     * The view as the caller sees it, after checking that the request sorts and filters by none of
     * the properties hidden from them: the page never offers that, so such a request is crafted.
     */
    private <E> AdminView<E> checked(AdminView<E> view, ListRequest request) {
        AdminView<E> seen = viewFor(view);
        for (var order : request.sort()) {
            if (!seen.properties().containsKey(order.property())) {
                refuse(view.name() + ":sort:" + order.property());
            }
        }
        for (String property : request.filters().keySet()) {
            if (!seen.properties().containsKey(property)) {
                refuse(view.name() + ":filter:" + property);
            }
        }
        return seen;
    }

    /** Every row of the filtered result, for exports; the caller consumes it as a stream. */
    public long count(AdminView<?> view, ListRequest request) {
        require(view, Operation.VIEW);
        return query(view).count(checked(view, request), request);
    }


    // ---------------------------------------------------------------- writes

    /**
     * Persists a new record; {@code password} is what the form typed beside its properties, which
     * the view's {@link WriteHook} checks and stores (the users view's password).
     */
    public <E> E create(AdminView<E> shown, E entity, String password) {
        AdminView<E> view = declared(shown);
        requireCapability(view.creatable(), "service.notCreatable");
        requireWrite(view, Operation.CREATE);
        requirePlainText(view, entity);
        if (view.stepUp().requiredFor(Operation.CREATE)) {
            stepUp.require("create " + english(view.singularLabel()) + " records");
        }
        requireUnchanged(view, ValueText.snapshot(view, blank(view)), ValueText.snapshot(view, entity), Operation.CREATE);
        WriteHook.Change<E> extra = hooked(() -> view.writeHook().onCreate(password));
        apply(extra, entity);
        em.persist(entity);
        flush(view, null);
        requireInScope(view, entity, Operation.CREATE);
        String changes = AuditLog.diff(Map.of(), ValueText.snapshot(view, entity), Map.of(),
                ValueText.references(view, entity));
        audit(view, AuditAction.CREATE, entity, withSecret(changes, extra));
        return entity;
    }

    /**
     * Saves an edited copy. The copy carries the version it was loaded with; if the row has
     * changed or disappeared since, nothing is written and a {@link ConflictException} says so.
     */
    public <E> E update(AdminView<E> shown, E edited, String newPassword) {
        return update(shown, edited, newPassword, Map.of());
    }

    /**
     * An {@link #update} whose audit entry also carries the given notes beside the changes, such
     * as {@code "@revertOf"} naming the entry a revert undoes. Note keys begin with {@code @}, so
     * they can never be taken for a property.
     */
    public <E> E update(AdminView<E> shown, E edited, String newPassword, Map<String, String> notes) {
        if (notes.keySet().stream().anyMatch(key -> !key.startsWith("@"))) {
            throw new IllegalArgumentException("audit notes begin with @: " + notes.keySet());
        }
        AdminView<E> view = declared(shown);
        requireCapability(view.editable(), "service.notEditable");
        requireWrite(view, Operation.EDIT);
        requirePlainText(view, edited);
        String id = String.valueOf(((BaseEntity) edited).getId());
        E current = find(view, id).orElseThrow(() -> new ConflictException(id, true));
        requireVersion(current, ((BaseEntity) edited).getVersion(), id);
        Map<String, String> before = ValueText.snapshot(view, current);
        Map<String, String> referencesBefore = ValueText.references(view, current);
        requireUnchanged(view, before, ValueText.snapshot(view, edited), Operation.EDIT);
        WriteHook.Change<E> extra = hooked(() -> view.writeHook().onUpdate(current, newPassword));
        requireStepUpForEdit(view, before, ValueText.snapshot(view, edited), extra.properties());
        apply(extra, edited);
        E merged = em.merge(edited);
        flush(view, id);
        requireInScope(view, merged, Operation.EDIT);
        String changes = withSecret(AuditLog.diff(before, ValueText.snapshot(view, merged), referencesBefore,
                ValueText.references(view, merged)), extra);
        if (!"{}".equals(changes)) {
            audit(view, AuditAction.UPDATE, merged, withNotes(changes, notes));
        }
        return merged;
    }

    /** Deletes one record loaded at {@code version}; stale or missing rows are a conflict. */
    public <E> void delete(AdminView<E> shown, String id, long version) {
        AdminView<E> view = declared(shown);
        requireCapability(view.deletable(), "service.notDeletable");
        requireWrite(view, Operation.DELETE);
        if (view.stepUp().requiredFor(Operation.DELETE)) {
            stepUp.require("delete " + english(view.singularLabel()) + " records");
        }
        E current = find(view, id).orElseThrow(() -> new ConflictException(id, true));
        requireVersion(current, version, id);
        String changes = AuditLog.diff(ValueText.snapshot(view, current), Map.of());
        Map<String, String> trashed = moveToTrash(view, current);
        em.remove(current);
        flush(view, id);
        audit(view, AuditAction.DELETE, current, withNotes(changes, trashed));
    }

    /**
     * Deletes all the given records or none of them. Each id maps to the version the caller saw;
     * a record changed or deleted since then fails the whole request.
     */
    public <E> int deleteAll(AdminView<E> shown, Map<String, Long> versions) {
        AdminView<E> view = declared(shown);
        requireCapability(view.deletable(), "service.notDeletable");
        requireWrite(view, Operation.DELETE);
        requireSelectionSize(view, versions.size());
        stepUp.require("delete several records at once");
        int deleted = 0;
        for (Map.Entry<String, Long> row : versions.entrySet()) {
            E current = find(view, row.getKey()).orElseThrow(() -> new ConflictException(row.getKey(), true));
            requireVersion(current, row.getValue(), row.getKey());
            String changes = AuditLog.diff(ValueText.snapshot(view, current), Map.of());
            Map<String, String> trashed = moveToTrash(view, current);
            em.remove(current);
            audit(view, AuditAction.BULK_DELETE, current, withNotes(changes, trashed));
            deleted++;
        }
        flush(view, null);
        return deleted;
    }

    /** Runs a declared bulk action on every given record (id → version seen), in one transaction. */
    public <E> int runAction(AdminView<E> shown, String actionName, Map<String, Long> versions) {
        AdminView<E> view = declared(shown);
        BulkAction<E> action = view.action(actionName)
                .orElseThrow(() -> new WriteException(null, Message.of("service.unknownAction")));
        requireAction(view, actionName);
        requireSelectionSize(view, versions.size());
        int changed = 0;
        for (Map.Entry<String, Long> row : versions.entrySet()) {
            E current = find(view, row.getKey()).orElseThrow(() -> new ConflictException(row.getKey(), true));
            requireVersion(current, row.getValue(), row.getKey());
            Map<String, String> before = ValueText.snapshot(view, current);
            Map<String, String> referencesBefore = ValueText.references(view, current);
            action.change().accept(current);
            requireUnchanged(view, before, ValueText.snapshot(view, current), Operation.EDIT);
            em.flush();
            requireInScope(view, current, Operation.EDIT);
            String changes = AuditLog.diff(before, ValueText.snapshot(view, current), referencesBefore,
                    ValueText.references(view, current));
            audit(view, AuditAction.BULK_ACTION, current, jakarta.json.Json.createObjectBuilder(
                    jakarta.json.Json.createReader(new java.io.StringReader(changes)).readObject())
                    .add("@action", action.name()).build().toString());
            changed++;
        }
        flush(view, null);
        return changed;
    }

    /** An edit that the view's {@link org.gatehouse.metadata.StepUpRule} calls dangerous needs a fresh proof of identity. */
    private void requireStepUpForEdit(AdminView<?> view, Map<String, String> before, Map<String, String> after,
            java.util.Set<String> hookSets) {
        boolean dangerous = view.stepUp().requiredFor(Operation.EDIT)
                || hookSets.stream().anyMatch(view.stepUp()::requiredWhenChanged)
                || view.stepUp().changedProperties().stream()
                        .anyMatch(property -> !java.util.Objects.equals(before.get(property), after.get(property)));
        if (dangerous) {
            stepUp.require("make this change to " + english(view.singularLabel()) + " records");
        }
    }

    /**
     * Keeps a record about to be deleted in its view's trash, if the view keeps one; the note its
     * audit entry gets ({@value Trash#NOTE}: the trash entry), or none.
     */
    private <E> Map<String, String> moveToTrash(AdminView<E> view, E entity) {
        if (!registry.keepsTrash(view)) {
            return Map.of();
        }
        TrashedRecord kept = Trash.entry(view, entity, who());
        em.persist(kept);
        return Map.of(Trash.NOTE, String.valueOf(kept.getId()));
    }

    private static String withNotes(String changes, Map<String, String> notes) {
        if (notes.isEmpty()) {
            return changes;
        }
        var json = jakarta.json.Json.createObjectBuilder(
                jakarta.json.Json.createReader(new java.io.StringReader(changes)).readObject());
        notes.forEach(json::add);
        return json.build().toString();
    }

    private static void requireVersion(Object current, Long seen, String id) {
        if (seen != null && ((BaseEntity) current).getVersion() != seen) {
            throw new ConflictException(id, false);
        }
    }

    private <E> void audit(AdminView<E> view, AuditAction action, E entity, String changes) {
        Object title = PropertyAccess.get(entity, view.titleProperty());
        audit.record(action, view.type().getSimpleName(), String.valueOf(((BaseEntity) entity).getId()),
                title == null ? null : title.toString(), changes);
    }

    @Inject
    private DeleteRules deleteRules;

    private static final String OTHER_RECORDS = "service.otherRecords";

    /**
     * One bulk request acts on at most one page of the biggest size the view offers: the table never
     * selects more, and a crafted selection must not turn one request into thousands of queries.
     */
    private static void requireSelectionSize(AdminView<?> view, int size) {
        if (size > view.maxPageSize()) {
            throw new WriteException(null, Message.of("service.tooManySelected", view.maxPageSize()));
        }
    }

    /**
     * What deleting the given records would meet: per relation of another entity that points at
     * them, how many distinct records do, and whether the database refuses the delete while they
     * do. One count per relation for all the records together.
     */
    public DeleteCheck deleteCheck(AdminView<?> view, java.util.Collection<String> ids) {
        require(view, Operation.VIEW);
        requireSelectionSize(view, ids.size());
        List<Object> keys = new ArrayList<>();
        for (String id : ids) {
            try {
                keys.add(parseId(view.idType(), id));
            } catch (NumberFormatException e) {
                // not an id of this view: nothing points at it
            }
        }
        // records outside the caller's scope are as good as absent: nothing is said about them
        keys = query(view).inScope(view.type(), keys);
        if (keys.isEmpty()) {
            return DeleteCheck.NONE;
        }
        List<DeleteCheck.Usage> usages = new ArrayList<>();
        for (var entity : em.getMetamodel().getEntities()) {
            for (var attribute : entity.getAttributes()) {
                Class<?> target = attribute instanceof jakarta.persistence.metamodel.PluralAttribute<?, ?, ?> plural
                        ? plural.getElementType().getJavaType() : attribute.getJavaType();
                if (!attribute.isAssociation() || target != view.type()) {
                    continue;
                }
                var effect = deleteRules.of(entity.getJavaType(), attribute.getName(), view.type());
                if (effect.isEmpty()) {
                    continue;
                }
                String jpql = "select count(distinct x) from " + entity.getName() + " x join x." + attribute.getName()
                        + " t where t." + idName(view.type()) + " in :ids";
                long count = em.createQuery(jpql, Long.class).setParameter("ids", keys).getSingleResult();
                var referring = registry.viewOf(entity.getJavaType());
                if (count > 0 && (referring.isEmpty() || !can(referring.get(), Operation.VIEW)
                        || rules(referring.get()).scoped())) {
                    // records the caller may not read (all or some of them): that some exist, never how many or which
                    var other = new DeleteCheck.Usage(OTHER_RECORDS, OTHER_RECORDS, DeleteCheck.UNCOUNTED, effect.get());
                    if (!usages.contains(other)) {
                        usages.add(other);
                    }
                } else if (count > 0) {
                    String singular = referring.map(AdminView::singularLabel)
                            .orElse(org.gatehouse.metadata.AdminViewFactory.humanize(entity.getJavaType().getSimpleName()));
                    usages.add(new DeleteCheck.Usage(referring.map(AdminView::label).orElse(singular + "s"), singular,
                            count, effect.get()));
                }
            }
        }
        return new DeleteCheck(usages);
    }

    /**
     * What points at one record, in English ("3 users"), for logs and callers that show no page;
     * pages use {@link #deleteCheck}, which also says whether the references block the delete.
     */
    public List<String> usage(AdminView<?> view, String id) {
        return deleteCheck(view, List.of(id)).usages().stream()
                .map(u -> u.count() == DeleteCheck.UNCOUNTED ? "other records"
                        : u.count() + " " + english(u.count() == 1 ? u.singularLabel() : u.label())).toList();
    }

    /** Up to {@code limit} records of a related type whose title contains the text, for pickers. */
    public <T> List<T> suggest(Class<T> type, String titleProperty, String text, int limit) {
        requireViewOf(type);
        if (org.gatehouse.metadata.PlainText.hasForbiddenCharacters(text, false)) {
            return List.of();
        }
        return queryOf(type).suggest(type, titleProperty, text, limit);
    }

    /** A related record by id, for pickers and filter chips: within the caller's scope of its view. */
    public <T> Optional<T> findByType(Class<T> type, String id) {
        requireViewOf(type);
        var entity = em.getMetamodel().entity(type);
        try {
            Object key = parseId(entity.getIdType().getJavaType(), id);
            return queryOf(type).inScope(type, List.of(key)).isEmpty() ? Optional.empty()
                    : Optional.ofNullable(em.find(type, key));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The query of a related type under the caller's scope of its view (none for types without a view). */
    private EntityQuery queryOf(Class<?> type) {
        return registry.viewOf(type).map(this::query).orElseGet(() -> new EntityQuery(em, null));
    }

    /**
     * One batch of an export: up to {@code limit} rows of the filtered result with ids above
     * {@code afterId}, in id order. Each batch is its own short transaction, so an export of any
     * size never holds a long transaction or the whole result in memory.
     */
    public <E> List<E> exportBatch(AdminView<E> view, ListRequest request, Long afterId, int limit) {
        require(view, Operation.VIEW);
        List<E> rows = query(view).exportBatch(checked(view, request), request, afterId, limit);
        int page = view.pageSizes().stream().mapToInt(Integer::intValue).max().orElse(0);
        if (afterId != null || rows.size() > page) {
            // more than a page leaves the console: only after a fresh proof of identity
            stepUp.require("export more than a page of " + english(view.label()));
        }
        return rows;
    }

    /** What the view's write hook decides; a refusal becomes a message at its field. */
    private static <E> WriteHook.Change<E> hooked(java.util.function.Supplier<WriteHook.Change<E>> decision) {
        try {
            return decision.get();
        } catch (WriteHook.Refused e) {
            throw new WriteException(e.getField(), e.getText());
        }
    }

    private static <E> void apply(WriteHook.Change<E> change, E entity) {
        try {
            change.apply().accept(entity);
        } catch (WriteHook.Refused e) {
            throw new WriteException(e.getField(), e.getText());
        }
    }

    /** The audit entry's changes with the field the hook wrote without showing its value. */
    private static String withSecret(String changes, WriteHook.Change<?> extra) {
        return extra.secretField() == null ? changes : AuditLog.withSecret(changes, extra.secretField());
    }

    /** Text with control characters never reaches the database, whichever client sent it. */
    private static <E> void requirePlainText(AdminView<E> view, E entity) {
        for (PropertyDescriptor property : view.properties().values()) {
            if ((property.kind() == PropertyKind.TEXT || property.kind() == PropertyKind.LONG_TEXT)
                    && PropertyAccess.get(entity, property.name()) instanceof String text
                    && org.gatehouse.metadata.PlainText.hasForbiddenCharacters(text, property.kind() == PropertyKind.LONG_TEXT)) {
                throw new WriteException(property.name(), Message.of("service.controlCharacters"));
            }
        }
    }

    private static void requireCapability(boolean allowed, String refusal) {
        if (!allowed) {
            throw new WriteException(null, Message.of(refusal));
        }
    }

    /** A label (or bundle key) as the log reads it: in English, lower case. */
    private static String english(String labelOrKey) {
        return Texts.label(Locale.ENGLISH, labelOrKey).toLowerCase(Locale.ROOT);
    }

    /** Flushes now so that database refusals become messages instead of failures at commit. */
    private void flush(AdminView<?> view, String id) {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new ConflictException(id, false);
        } catch (PersistenceException e) {
            throw ConstraintMessages.translate(view.properties().values(), e);
        }
    }

    public <E> Optional<E> find(AdminView<E> view, String id) {
        require(view, Operation.VIEW);
        Object key;
        try {
            key = parseId(view.idType(), id);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return query(view).find(view, key);
    }

    /**
     * The audit entries of one record, newest first, for whoever may see the record; the values of
     * properties hidden from the caller are left out.
     */
    public List<org.gatehouse.audit.HistoryItem> history(AdminView<?> view, String id, int limit) {
        if (find(view, id).isEmpty()) {
            return List.of();
        }
        java.util.Set<String> hidden = rules(view).hidden();
        return audit.history(view.type().getSimpleName(), id, limit).stream()
                .map(entry -> org.gatehouse.audit.HistoryItem.of(entry).without(hidden))
                .map(item -> item.without(relationsOutOfScope(view, item))).toList();
    }

    /**
     * The relation changes of a history entry that may name records outside the caller's scope of
     * the related view. The trail keeps related records by their titles, so a change is shown only
     * when each title it names is that of a record within the caller's scope (a title shared with a
     * record outside tells nothing more); lists of titles of a scoped view are left out.
     */
    private java.util.Set<String> relationsOutOfScope(AdminView<?> view, org.gatehouse.audit.HistoryItem item) {
        java.util.Set<String> fields = new java.util.HashSet<>();
        for (var change : item.changes()) {
            PropertyDescriptor property = view.properties().get(change.field());
            AdminView<?> related = property == null || !property.isRelation() ? null
                    : registry.viewOf(property.javaType()).orElse(null);
            if (related == null || !rules(related).scoped()) {
                continue;
            }
            boolean inScope = property.kind() != PropertyKind.TO_MANY
                    && java.util.stream.Stream.of(change.before(), change.after()).allMatch(title -> title == null
                            || title.isEmpty() || query(related).hasTitle(related.type(), property.relatedLabel(), title));
            if (!inScope) {
                fields.add(change.field());
            }
        }
        return fields;
    }

    static Object parseId(Class<?> idType, String id) {
        if (idType == Long.class || idType == long.class) {
            return Long.valueOf(id);
        }
        if (idType == Integer.class || idType == int.class) {
            return Integer.valueOf(id);
        }
        return id;
    }

    public String idName(Class<?> type) {
        return new EntityQuery(em, null).idName(type);
    }

    /** Queries of the view under the caller's row scope. */
    private EntityQuery query(AdminView<?> view) {
        ViewRules rules = rules(view);
        return new EntityQuery(em, rules.scoped() ? new ScopePredicate(rules.scopes(), callerRules.user(who())) : null);
    }

    // ---------------------------------------------------------------- field rules and row scopes

    /**
     * A write may not change a property hidden from or read-only for the caller. The pages never
     * offer that, so an attempt is crafted: refused and audited, not silently ignored.
     */
    private void requireUnchanged(AdminView<?> view, Map<String, String> before, Map<String, String> after,
            Operation operation) {
        ViewRules rules = rules(view);
        for (String property : view.properties().keySet()) {
            if (rules.fixed(property) && !java.util.Objects.equals(before.get(property), after.get(property))) {
                refuse(view.name() + ":" + operation.name().toLowerCase(Locale.ROOT) + ":field:" + property);
            }
        }
    }

    /** A record written by a caller with a row scope must lie within it afterwards; else the write is undone. */
    private <E> void requireInScope(AdminView<E> view, E entity, Operation operation) {
        if (rules(view).scoped() && query(view).inScope(view.type(), List.of(((BaseEntity) entity).getId())).isEmpty()) {
            refuse(view.name() + ":" + operation.name().toLowerCase(Locale.ROOT) + ":scope");
        }
    }

    /** A new record as the entity's own constructor makes it: what a create (and a restore) starts from. */
    static <E> E blank(AdminView<E> view) {
        try {
            var constructor = view.type().getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(view.type().getName() + " has no constructor without arguments", e);
        }
    }

}
