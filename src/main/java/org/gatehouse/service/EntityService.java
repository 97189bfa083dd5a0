package org.gatehouse.service;

import jakarta.annotation.Resource;
import org.gatehouse.metadata.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.From;
import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.util.Map;
import org.gatehouse.audit.AuditAction;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.identity.IdentityException;
import org.gatehouse.identity.PasswordHasher;
import org.gatehouse.identity.PasswordPolicy;
import org.gatehouse.metadata.BulkAction;
import org.gatehouse.metadata.PropertyAccess;
import org.gatehouse.metadata.ValueText;
import org.gatehouse.persistence.BaseEntity;
import org.gatehouse.metadata.AdminRegistry;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.Operation;
import org.gatehouse.metadata.PropertyDescriptor;
import org.gatehouse.metadata.PropertyKind;
import org.gatehouse.metadata.SortOrder;

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
    private PasswordHasher hasher;

    @Inject
    private AuditLog audit;

    @Inject
    private AdminRegistry registry;

    @Inject
    private org.gatehouse.ops.OperationsMetrics metrics;

    @Resource
    private SessionContext caller;

    @Inject
    private org.gatehouse.identity.AccountState accounts;

    // ---------------------------------------------------------------- permissions

    /** Whether the caller may perform the operation on the view; what menus and buttons ask. */
    public boolean can(AdminView<?> view, Operation operation) {
        return view.allows(operation, caller::isCallerInRole);
    }

    private void require(AdminView<?> view, Operation operation) {
        if (!can(view, operation)) {
            refuse(view.name() + ":" + operation.name().toLowerCase(Locale.ROOT));
        }
    }

    private void requireAction(AdminView<?> view, String action) {
        if (!view.allowsAction(action, currentRoles()::test)) {
            refuse(view.name() + ":action:" + action);
        }
    }

    /**
     * Writes check the roles the caller's account holds now, in the database, besides those its
     * session announced: a session that outlived a deactivation or a role change can write nothing,
     * even if it reached this service through a path the web layer did not foresee.
     */
    private void requireWrite(AdminView<?> view, Operation operation) {
        if (!view.allows(operation, currentRoles()::test)) {
            refuse(view.name() + ":" + operation.name().toLowerCase(Locale.ROOT));
        }
    }

    private java.util.function.Predicate<String> currentRoles() {
        java.security.Principal principal = caller.getCallerPrincipal();
        java.util.Set<String> held = principal == null ? java.util.Set.of() : accounts.activeRoles(principal.getName());
        return role -> held.contains(role) && caller.isCallerInRole(role);
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
        throw new ForbiddenException("You may not " + what.replace(':', ' ') + ".");
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
            return readPage(view, request);
        } finally {
            metrics.listQuery(view.name(), java.time.Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private <E> List<E> readPage(AdminView<E> view, ListRequest request) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Object> idQuery = cb.createQuery(Object.class);
        Root<E> root = idQuery.from(view.type());
        List<Predicate> where = new ArrayList<>(List.of(predicates(cb, idQuery, root, view, request)));
        List<Object> ids;
        if (request.cursor() != null) {
            // Next or Previous: seek from the neighbouring page's edge row instead of counting past rows
            KeysetSeek seek = new KeysetSeek(root, view, request.sort(), idName(view.type()), request.cursor());
            where.add(seek.predicate(cb));
            idQuery.select(root.get(idName(view.type()))).where(where.toArray(Predicate[]::new)).orderBy(seek.orders(cb));
            ids = new ArrayList<>(em.createQuery(idQuery).setMaxResults(request.size()).getResultList());
            if (seek.backwards()) {
                java.util.Collections.reverse(ids);
            }
        } else {
            idQuery.select(root.get(idName(view.type()))).where(where.toArray(Predicate[]::new))
                    .orderBy(orders(cb, root, view, request.sort()));
            ids = em.createQuery(idQuery).setFirstResult(request.offset()).setMaxResults(request.size()).getResultList();
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        CriteriaQuery<E> rowQuery = cb.createQuery(view.type());
        Root<E> row = rowQuery.from(view.type());
        fetchToOne(view, row);
        rowQuery.select(row).where(row.get(idName(view.type())).in(ids));
        TypedQuery<E> rows = em.createQuery(rowQuery);
        batchToMany(view, rows);
        Map<Object, E> byId = new java.util.HashMap<>();
        rows.getResultList().forEach(entity -> byId.put(((BaseEntity) entity).getId(), entity));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
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
        if (request.search() == null && request.filters().isEmpty()) {
            var estimate = estimates.ofBigTable(view.type());
            return estimate.isPresent() ? new ListCount(estimate.getAsLong(), ListCount.Kind.ESTIMATE)
                    : new ListCount(count(view, request), ListCount.Kind.EXACT);
        }
        return cappedCount(view, request);
    }

    /**
     * Whether a row lies beyond the cap (one id read, the others only skipped in the index), and
     * only if none does, the exact count of what is then a small result.
     */
    private <E> ListCount cappedCount(AdminView<E> view, ListRequest request) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Object> query = cb.createQuery(Object.class);
        Root<E> root = query.from(view.type());
        query.select(root.get(idName(view.type()))).where(predicates(cb, query, root, view, request));
        boolean beyondCap = !em.createQuery(query).setFirstResult(countCap).setMaxResults(1).getResultList().isEmpty();
        return beyondCap ? new ListCount(countCap, ListCount.Kind.AT_LEAST)
                : new ListCount(countTyped(view, request), ListCount.Kind.EXACT);
    }

    /** Every row of the filtered result, for exports; the caller consumes it as a stream. */
    public long count(AdminView<?> view, ListRequest request) {
        require(view, Operation.VIEW);
        return countTyped(view, request);
    }

    private <E> long countTyped(AdminView<E> view, ListRequest request) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<E> root = query.from(view.type());
        query.select(cb.count(root)).where(predicates(cb, query, root, view, request));
        return em.createQuery(query).getSingleResult();
    }

    /** To-one columns are read with the rows they belong to. */
    private static void fetchToOne(AdminView<?> view, Root<?> root) {
        for (PropertyDescriptor column : view.columns()) {
            if (column.kind() == PropertyKind.TO_ONE) {
                root.fetch(column.name(), JoinType.LEFT);
            }
        }
    }

    /** To-many columns are read for all rows in one extra query instead of one per row. */
    private static void batchToMany(AdminView<?> view, TypedQuery<?> query) {
        for (PropertyDescriptor column : view.columns()) {
            if (column.kind() == PropertyKind.TO_MANY) {
                query.setHint("eclipselink.batch.type", "IN");
                query.setHint("eclipselink.batch", "e." + column.name());
            }
        }
    }

    private <E> Predicate[] predicates(CriteriaBuilder cb, CriteriaQuery<?> query, Root<E> root, AdminView<E> view,
            ListRequest request) {
        List<Predicate> predicates = new ArrayList<>();
        if (request.search() != null) {
            String pattern = "%" + escapeLike(request.search().toLowerCase(Locale.ROOT)) + "%";
            predicates.add(cb.or(view.searchable().stream()
                    .map(p -> p.name().contains(".") ? relatedMatch(cb, root, p.name(), pattern)
                            : cb.like(cb.lower(root.get(p.name())), pattern, '\\'))
                    .toArray(Predicate[]::new)));
        }
        for (Filter filter : request.filters().values()) {
            PropertyDescriptor property = filter.property();
            switch (property.kind()) {
                case TEXT, LONG_TEXT -> predicates.add(cb.like(cb.lower(root.get(property.name())),
                        "%" + escapeLike(filter.equal().toString().toLowerCase(Locale.ROOT)) + "%", '\\'));
                case BOOLEAN -> predicates.add(cb.equal(root.get(property.name()), filter.equal()));
                case ENUM -> predicates.add(cb.equal(root.get(property.name()),
                        enumConstant(property.javaType(), filter.equal().toString())));
                case TO_ONE -> predicates.add(cb.equal(
                        root.get(property.name()).get(idName(property.javaType())), filter.equal()));
                case TO_MANY -> predicates.add(memberOf(cb, query, root, property, (Long) filter.equal()));
                default -> range(cb, root.get(property.name()), property, filter, predicates);
            }
        }
        return predicates.toArray(Predicate[]::new);
    }

    private static final int RELATED_MATCH_LIMIT = 1_000;

    /**
     * Search one relation away ({@code customer.email}): the matching related rows are found
     * first, on their own (indexed) table, and the list keeps the rows pointing at them. Unlike a
     * join inside an OR, this lets the database combine both indexes instead of scanning.
     */
    private Predicate relatedMatch(CriteriaBuilder cb, Root<?> root, String path, String pattern) {
        String relation = path.substring(0, path.indexOf('.'));
        String attribute = path.substring(path.indexOf('.') + 1);
        Class<?> type = root.getModel().getAttribute(relation).getJavaType();
        CriteriaQuery<Object> related = cb.createQuery(Object.class);
        Root<?> target = related.from(type);
        related.select(target.get(idName(type))).where(cb.like(cb.lower(target.get(attribute)), pattern, '\\'));
        List<Object> ids = em.createQuery(related).setMaxResults(RELATED_MATCH_LIMIT).getResultList();
        return ids.isEmpty() ? cb.disjunction() : root.get(relation).get(idName(type)).in(ids);
    }

    private <E> Predicate memberOf(CriteriaBuilder cb, CriteriaQuery<?> query, Root<E> root,
            PropertyDescriptor property, Long id) {
        Subquery<Integer> exists = query.subquery(Integer.class);
        Root<E> inner = exists.correlate(root);
        From<?, ?> member = inner.join(property.name());
        exists.select(cb.literal(1)).where(cb.equal(member.get(idName(property.javaType())), id));
        return cb.exists(exists);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void range(CriteriaBuilder cb, Path<?> path, PropertyDescriptor property, Filter filter,
            List<Predicate> predicates) {
        Expression<Comparable> expression = (Expression<Comparable>) path;
        if (filter.from() != null) {
            predicates.add(cb.greaterThanOrEqualTo(expression, attributeValue(property, filter.from())));
        }
        if (filter.to() != null) {
            predicates.add(cb.lessThanOrEqualTo(expression, attributeValue(property, filter.to())));
        }
    }

    /** Filter values arrive as Long, BigDecimal, LocalDate or LocalDateTime (UTC); the attribute decides. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Comparable attributeValue(PropertyDescriptor property, Object value) {
        Class<?> type = property.javaType();
        if (value instanceof LocalDateTime dateTime) {
            if (type == Instant.class) {
                return dateTime.toInstant(ZoneOffset.UTC);
            }
            if (type == OffsetDateTime.class) {
                return dateTime.atOffset(ZoneOffset.UTC);
            }
            return dateTime;
        }
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof Number number) {
            if (type == Integer.class || type == int.class) {
                return number.intValue();
            }
            if (type == Long.class || type == long.class) {
                return number.longValue();
            }
            if (type == Short.class || type == short.class) {
                return number.shortValue();
            }
            if (type == Double.class || type == double.class) {
                return number.doubleValue();
            }
            if (type == java.math.BigDecimal.class) {
                return new java.math.BigDecimal(number.toString());
            }
        }
        return (Comparable) value;
    }

    private <E> List<Order> orders(CriteriaBuilder cb, Root<E> root, AdminView<E> view, List<SortOrder> sort) {
        List<Order> orders = new ArrayList<>();
        String id = idName(view.type());
        boolean hasId = false;
        for (SortOrder order : sort) {
            PropertyDescriptor property = view.properties().get(order.property());
            Expression<?> key = property.kind() == PropertyKind.TO_ONE
                    ? root.join(property.name(), JoinType.LEFT).get(property.relatedLabel())
                    : root.get(property.name());
            orders.add(order.descending() ? cb.desc(key) : cb.asc(key));
            hasId |= property.name().equals(id);
        }
        if (!hasId) {
            // a unique last key keeps page boundaries stable; in the first key's direction, so one
            // index on (key, id) serves the whole order, scanned forwards or backwards
            boolean descending = !sort.isEmpty() && sort.get(0).descending();
            orders.add(descending ? cb.desc(root.get(id)) : cb.asc(root.get(id)));
        }
        return orders;
    }


    // ---------------------------------------------------------------- writes

    /** Persists a new record; for views with a password property the given password is checked and hashed. */
    public <E> E create(AdminView<E> view, E entity, String password) {
        requireCapability(view.creatable(), view, "created");
        requireWrite(view, Operation.CREATE);
        requirePlainText(view, entity);
        if (view.passwordProperty() != null) {
            applyPassword(view, entity, password, true);
        }
        em.persist(entity);
        flush(view, null);
        String changes = AuditLog.diff(Map.of(), ValueText.snapshot(view, entity));
        audit(view, AuditAction.CREATE, entity, view.passwordProperty() == null ? changes
                : AuditLog.withSecret(changes, "password"));
        return entity;
    }

    /**
     * Saves an edited copy. The copy carries the version it was loaded with; if the row has
     * changed or disappeared since, nothing is written and a {@link ConflictException} says so.
     */
    public <E> E update(AdminView<E> view, E edited, String newPassword) {
        requireCapability(view.editable(), view, "edited");
        requireWrite(view, Operation.EDIT);
        requirePlainText(view, edited);
        String id = String.valueOf(((BaseEntity) edited).getId());
        E current = find(view, id).orElseThrow(() -> new ConflictException(id, true));
        requireVersion(current, ((BaseEntity) edited).getVersion(), id);
        Map<String, String> before = ValueText.snapshot(view, current);
        boolean passwordChanged = view.passwordProperty() != null && newPassword != null && !newPassword.isEmpty();
        if (passwordChanged) {
            applyPassword(view, edited, newPassword, false);
        } else if (view.passwordProperty() != null) {
            PropertyAccess.set(edited, view.passwordProperty(), PropertyAccess.get(current, view.passwordProperty()));
        }
        E merged = em.merge(edited);
        flush(view, id);
        String changes = AuditLog.diff(before, ValueText.snapshot(view, merged));
        if (passwordChanged) {
            changes = AuditLog.withSecret(changes, "password");
        }
        if (!"{}".equals(changes)) {
            audit(view, AuditAction.UPDATE, merged, changes);
        }
        return merged;
    }

    /** Deletes one record loaded at {@code version}; stale or missing rows are a conflict. */
    public <E> void delete(AdminView<E> view, String id, long version) {
        requireCapability(view.deletable(), view, "deleted");
        requireWrite(view, Operation.DELETE);
        E current = find(view, id).orElseThrow(() -> new ConflictException(id, true));
        requireVersion(current, version, id);
        String changes = AuditLog.diff(ValueText.snapshot(view, current), Map.of());
        em.remove(current);
        flush(view, id);
        audit(view, AuditAction.DELETE, current, changes);
    }

    /**
     * Deletes all the given records or none of them. Each id maps to the version the caller saw;
     * a record changed or deleted since then fails the whole request.
     */
    public <E> int deleteAll(AdminView<E> view, Map<String, Long> versions) {
        requireCapability(view.deletable(), view, "deleted");
        requireWrite(view, Operation.DELETE);
        int deleted = 0;
        for (Map.Entry<String, Long> row : versions.entrySet()) {
            E current = find(view, row.getKey()).orElseThrow(() -> new ConflictException(row.getKey(), true));
            requireVersion(current, row.getValue(), row.getKey());
            String changes = AuditLog.diff(ValueText.snapshot(view, current), Map.of());
            em.remove(current);
            audit(view, AuditAction.BULK_DELETE, current, changes);
            deleted++;
        }
        flush(view, null);
        return deleted;
    }

    /** Runs a declared bulk action on every given record (id → version seen), in one transaction. */
    public <E> int runAction(AdminView<E> view, String actionName, Map<String, Long> versions) {
        BulkAction<E> action = view.action(actionName)
                .orElseThrow(() -> new WriteException(null, "Unknown action '" + actionName + "'"));
        requireAction(view, actionName);
        int changed = 0;
        for (Map.Entry<String, Long> row : versions.entrySet()) {
            E current = find(view, row.getKey()).orElseThrow(() -> new ConflictException(row.getKey(), true));
            requireVersion(current, row.getValue(), row.getKey());
            Map<String, String> before = ValueText.snapshot(view, current);
            action.change().accept(current);
            em.flush();
            String changes = AuditLog.diff(before, ValueText.snapshot(view, current));
            audit(view, AuditAction.BULK_ACTION, current, jakarta.json.Json.createObjectBuilder(
                    jakarta.json.Json.createReader(new java.io.StringReader(changes)).readObject())
                    .add("@action", action.name()).build().toString());
            changed++;
        }
        flush(view, null);
        return changed;
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

    /** How many records of other entities point at this one, e.g. "3 users"; empty when none. */
    public List<String> usage(AdminView<?> view, String id) {
        require(view, Operation.VIEW);
        Object key = parseId(view.idType(), id);
        List<String> usage = new ArrayList<>();
        for (var entity : em.getMetamodel().getEntities()) {
            for (var attribute : entity.getAttributes()) {
                Class<?> target = attribute instanceof jakarta.persistence.metamodel.PluralAttribute<?, ?, ?> plural
                        ? plural.getElementType().getJavaType() : attribute.getJavaType();
                if (!attribute.isAssociation() || target != view.type()) {
                    continue;
                }
                String jpql = "select count(x) from " + entity.getName() + " x join x." + attribute.getName()
                        + " t where t." + idName(view.type()) + " = :id";
                long count = em.createQuery(jpql, Long.class).setParameter("id", key).getSingleResult();
                if (count > 0) {
                    var referring = registry.viewOf(entity.getJavaType());
                    String noun = count == 1
                            ? referring.map(AdminView::singularLabel).orElse(entity.getJavaType().getSimpleName())
                            : referring.map(AdminView::label).orElse(entity.getJavaType().getSimpleName() + "s");
                    usage.add(count + " " + noun.toLowerCase(Locale.ROOT));
                }
            }
        }
        return usage;
    }

    /** Up to {@code limit} records of a related type whose title contains the text, for pickers. */
    public <T> List<T> suggest(Class<T> type, String titleProperty, String text, int limit) {
        requireViewOf(type);
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<T> query = cb.createQuery(type);
        Root<T> root = query.from(type);
        if (org.gatehouse.metadata.PlainText.hasForbiddenCharacters(text, false)) {
            return List.of();
        }
        if (text != null && !text.isBlank()) {
            query.where(cb.like(cb.lower(root.get(titleProperty).as(String.class)),
                    "%" + escapeLike(text.strip().toLowerCase(Locale.ROOT)) + "%", '\\'));
        }
        query.orderBy(cb.asc(root.get(titleProperty)));
        return em.createQuery(query).setMaxResults(limit).getResultList();
    }

    public <T> Optional<T> findByType(Class<T> type, String id) {
        requireViewOf(type);
        var entity = em.getMetamodel().entity(type);
        try {
            return Optional.ofNullable(em.find(type, parseId(entity.getIdType().getJavaType(), id)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * One batch of an export: up to {@code limit} rows of the filtered result with ids above
     * {@code afterId}, in id order. Each batch is its own short transaction, so an export of any
     * size never holds a long transaction or the whole result in memory.
     */
    public <E> List<E> exportBatch(AdminView<E> view, ListRequest request, Long afterId, int limit) {
        require(view, Operation.VIEW);
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<E> query = cb.createQuery(view.type());
        Root<E> root = query.from(view.type());
        fetchToOne(view, root);
        List<Predicate> predicates = new ArrayList<>(List.of(predicates(cb, query, root, view, request)));
        String id = idName(view.type());
        if (afterId != null) {
            predicates.add(cb.greaterThan(root.get(id), afterId));
        }
        query.select(root).where(predicates.toArray(Predicate[]::new)).orderBy(cb.asc(root.get(id)));
        TypedQuery<E> typed = em.createQuery(query).setMaxResults(limit);
        for (PropertyDescriptor column : view.columns()) {
            if (column.kind() == PropertyKind.TO_MANY) {
                typed.setHint("eclipselink.batch.type", "IN");
                typed.setHint("eclipselink.batch", "e." + column.name());
            }
        }
        List<E> rows = typed.getResultList();
        rows.forEach(row -> loadToMany(view, row));
        return rows;
    }

    /** Touches to-many columns so that they are loaded before the rows leave the transaction. */
    private static <E> void loadToMany(AdminView<E> view, E row) {
        for (PropertyDescriptor column : view.columns()) {
            if (column.kind() == PropertyKind.TO_MANY) {
                Object value = PropertyAccess.get(row, column.name());
                if (value instanceof java.util.Collection<?> collection) {
                    collection.size();
                }
            }
        }
    }

    private <E> void applyPassword(AdminView<E> view, E entity, String password, boolean required) {
        if (password == null || password.isEmpty()) {
            if (required) {
                throw new WriteException("password", "Enter a password");
            }
            return;
        }
        Object owner = PropertyAccess.get(entity, view.titleProperty());
        try {
            PasswordPolicy.check(password, owner == null ? null : owner.toString());
        } catch (IdentityException e) {
            throw new WriteException("password", e.getMessage());
        }
        PropertyAccess.set(entity, view.passwordProperty(), hasher.hash(password));
    }

    /** Text with control characters never reaches the database, whichever client sent it. */
    private static <E> void requirePlainText(AdminView<E> view, E entity) {
        for (PropertyDescriptor property : view.properties().values()) {
            if ((property.kind() == PropertyKind.TEXT || property.kind() == PropertyKind.LONG_TEXT)
                    && PropertyAccess.get(entity, property.name()) instanceof String text
                    && org.gatehouse.metadata.PlainText.hasForbiddenCharacters(text, property.kind() == PropertyKind.LONG_TEXT)) {
                throw new WriteException(property.name(), property.label() + " contains characters that are not allowed");
            }
        }
    }

    private static void requireCapability(boolean allowed, AdminView<?> view, String what) {
        if (!allowed) {
            throw new WriteException(null, view.label() + " cannot be " + what + " here.");
        }
    }

    /** Flushes now so that database refusals become messages instead of failures at commit. */
    private void flush(AdminView<?> view, String id) {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new ConflictException(id, false);
        } catch (PersistenceException e) {
            throw ConstraintMessages.translate(view, e);
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
        return Optional.ofNullable(em.find(view.type(), key));
    }

    /** The audit entries of one record, newest first, for whoever may see the record. */
    public List<org.gatehouse.audit.AuditEntry> history(AdminView<?> view, String id, int limit) {
        require(view, Operation.VIEW);
        return audit.history(view.type().getSimpleName(), id, limit);
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
        var entity = em.getMetamodel().entity(type);
        return entity.getId(entity.getIdType().getJavaType()).getName();
    }

    private static Object enumConstant(Class<?> type, String name) {
        for (Object constant : type.getEnumConstants()) {
            if (((Enum<?>) constant).name().equals(name)) {
                return constant;
            }
        }
        throw new IllegalArgumentException(name);
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
