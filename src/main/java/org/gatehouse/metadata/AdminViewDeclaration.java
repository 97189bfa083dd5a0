package org.gatehouse.metadata;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What a developer writes to put an entity into the admin: a few lines of overrides on top of
 * what the JPA metamodel and Bean Validation already say. Everything not declared is derived.
 * <pre>
 * AdminViewDeclaration.of(Product.class)
 *         .columns("sku", "name", "price", "active")
 *         .searchable("sku", "name")
 *         .filters("active", "price")
 *         .icon("pi pi-box").category("Shop");
 * </pre>
 */
public final class AdminViewDeclaration<E> {

    final Class<E> type;
    String name;
    String label;
    String singularLabel;
    String icon = "pi pi-table";
    String category = "Data";
    List<String> columns = List.of();
    List<String> formFields = List.of();
    Set<String> searchable = Set.of();
    Set<String> filters = Set.of();
    Set<String> unsortable = Set.of();
    Set<String> readOnly = Set.of();
    Set<String> excluded = Set.of();
    final Map<String, String> labels = new LinkedHashMap<>();
    String titleProperty;
    String defaultSort = "-id";
    List<Integer> pageSizes = List.of(10, 20, 50, 100);
    boolean creatable = true;
    boolean editable = true;
    boolean deletable = true;
    final List<BulkAction<E>> actions = new ArrayList<>();
    String passwordProperty;
    SecretWriter<E> secretWriter;
    final Map<Operation, Set<String>> permissions = new java.util.EnumMap<>(Operation.class);
    final Map<String, Set<String>> actionPermissions = new LinkedHashMap<>();
    final List<DetailsTab> tabs = new ArrayList<>();
    final Set<Operation> stepUpOperations = java.util.EnumSet.noneOf(Operation.class);
    final Set<String> stepUpProperties = new java.util.LinkedHashSet<>();
    String createdProperty;
    final Map<String, String> scopes = new LinkedHashMap<>();
    final Map<String, Set<String>> hiddenFor = new LinkedHashMap<>();
    final Map<String, Set<String>> readOnlyFor = new LinkedHashMap<>();
    boolean listsOtherViews;
    boolean trash;
    String naturalKey;

    private AdminViewDeclaration(Class<E> type) {
        this.type = type;
        String simple = type.getSimpleName();
        this.singularLabel = simple;
        this.label = simple.endsWith("s") ? simple + "es" : simple + "s";
        this.name = label.toLowerCase(Locale.ROOT);
    }

    public static <E> AdminViewDeclaration<E> of(Class<E> type) {
        return new AdminViewDeclaration<>(type);
    }

    /** The URL name, {@code /admin/{name}}; defaults to the plural lower-case entity name. */
    public AdminViewDeclaration<E> name(String name) {
        this.name = name;
        return this;
    }

    /** Menu and page title (plural) and the singular used in buttons and messages. */
    public AdminViewDeclaration<E> labels(String plural, String singular) {
        this.label = plural;
        this.singularLabel = singular;
        return this;
    }

    public AdminViewDeclaration<E> icon(String icon) {
        this.icon = icon;
        return this;
    }

    public AdminViewDeclaration<E> category(String category) {
        this.category = category;
        return this;
    }

    /** List columns in order; property paths of related entities are shown by their label. */
    public AdminViewDeclaration<E> columns(String... properties) {
        this.columns = List.of(properties);
        return this;
    }

    public AdminViewDeclaration<E> formFields(String... properties) {
        this.formFields = List.of(properties);
        return this;
    }

    public AdminViewDeclaration<E> searchable(String... properties) {
        this.searchable = orderedSet(properties);
        return this;
    }

    public AdminViewDeclaration<E> filters(String... properties) {
        this.filters = orderedSet(properties);
        return this;
    }

    public AdminViewDeclaration<E> unsortable(String... properties) {
        this.unsortable = orderedSet(properties);
        return this;
    }

    public AdminViewDeclaration<E> readOnly(String... properties) {
        this.readOnly = orderedSet(properties);
        return this;
    }

    /** Properties that appear nowhere: not in lists, forms, details, search, filters or exports. */
    public AdminViewDeclaration<E> exclude(String... properties) {
        this.excluded = orderedSet(properties);
        return this;
    }

    public AdminViewDeclaration<E> propertyLabel(String property, String label) {
        labels.put(property, label);
        return this;
    }

    /** The property that names a record in titles and when another view shows it as a relation. */
    public AdminViewDeclaration<E> title(String property) {
        this.titleProperty = property;
        return this;
    }

    /**
     * The date-time property that says when a record was created ({@code "createdAt"}): the
     * dashboard charts the records created per day from it, reading an index range, so it should
     * be indexed. A view without one has no such chart.
     */
    public AdminViewDeclaration<E> createdAt(String property) {
        this.createdProperty = property;
        return this;
    }

    /** Default order, in URL form: {@code "-createdAt"} or {@code "name,-id"}. */
    public AdminViewDeclaration<E> defaultSort(String spec) {
        this.defaultSort = spec;
        return this;
    }

    public AdminViewDeclaration<E> pageSizes(Integer... sizes) {
        this.pageSizes = List.of(sizes);
        return this;
    }

    /** Records are created elsewhere (e.g. the audit log): no "new" form. */
    public AdminViewDeclaration<E> readOnlyView() {
        this.creatable = false;
        this.editable = false;
        this.deletable = false;
        return this;
    }

    public AdminViewDeclaration<E> noCreate() {
        this.creatable = false;
        return this;
    }

    /**
     * The property holds a password hash: it is never shown (nor audited, nor exported), and the
     * forms ask for a password and its confirmation instead, which {@code writer} checks and turns
     * into what is stored.
     */
    public AdminViewDeclaration<E> password(String property, SecretWriter<E> writer) {
        this.passwordProperty = property;
        this.secretWriter = writer;
        Set<String> withHash = new LinkedHashSet<>(excluded);
        withHash.add(property);
        this.excluded = withHash;
        return this;
    }

    /** The roles that may perform an operation on this view; {@code admin} alone when not declared. */
    public AdminViewDeclaration<E> permit(Operation operation, String... roles) {
        permissions.put(operation, orderedSet(roles));
        return this;
    }

    /** The roles that may run a bulk action; {@code admin} alone when not declared. */
    public AdminViewDeclaration<E> permitAction(String action, String... roles) {
        actionPermissions.put(action, orderedSet(roles));
        return this;
    }

    /** Operations that need a fresh proof of identity (see {@link StepUpRule}). */
    public AdminViewDeclaration<E> stepUp(Operation... operations) {
        stepUpOperations.addAll(List.of(operations));
        return this;
    }

    /** Properties whose change in an edit needs a fresh proof of identity (see {@link StepUpRule}). */
    public AdminViewDeclaration<E> stepUpWhenChanged(String... properties) {
        stepUpProperties.addAll(List.of(properties));
        return this;
    }

    /** A tab of its own on the records' details page: a label and the Facelets file to include. */
    public AdminViewDeclaration<E> detailsTab(String label, String page) {
        tabs.add(new DetailsTab(label, page));
        return this;
    }

    public AdminViewDeclaration<E> action(String name, String label, String confirm, Consumer<E> change) {
        actions.add(new BulkAction<>(name, label, confirm, change));
        return this;
    }

    /**
     * The rows a role's holders may reach, as a {@link RowScope} ({@code customer.country =
     * {user.country}}); configuration and the role's Permissions tab may replace it.
     */
    public AdminViewDeclaration<E> scope(String role, String scope) {
        scopes.put(role, scope);
        return this;
    }

    /** Properties a role's holders never see: not listed, shown, searched, sorted, filtered, exported or written. */
    public AdminViewDeclaration<E> hiddenFor(String role, String... properties) {
        hiddenFor.put(role, orderedSet(properties));
        return this;
    }

    /** Properties a role's holders see but may not change. */
    public AdminViewDeclaration<E> readOnlyFor(String role, String... properties) {
        readOnlyFor.put(role, orderedSet(properties));
        return this;
    }

    /**
     * The view's rows describe records of other views (an audit trail): a caller whose access to
     * any view is narrowed by rules may not read it, since no row scope of this view could follow
     * theirs.
     */
    public AdminViewDeclaration<E> listsRecordsOfOtherViews() {
        listsOtherViews = true;
        return this;
    }

    /**
     * Deleting a record moves it to the view's trash ({@code /admin/{name}/trash}), from where it
     * can be restored or deleted for good; off unless declared. What other tables held about the
     * record (links to it that the delete removed, rows deleted with it) is not kept, and neither
     * are properties excluded from the view: declare it only where a record is whole by itself.
     */
    public AdminViewDeclaration<E> trash() {
        this.trash = true;
        return this;
    }

    /**
     * The property that names a record outside the database as well as its id does (a SKU, an
     * e-mail address, an order reference): a CSV import matches rows without an id on it, so a
     * file from another system updates the records it names instead of duplicating them. It must
     * be a unique column ({@code @Column(unique = true)}); the registry refuses to start otherwise.
     */
    public AdminViewDeclaration<E> naturalKey(String property) {
        this.naturalKey = property;
        return this;
    }

    /** Deletes are immediate and final (the default). */
    public AdminViewDeclaration<E> noTrash() {
        this.trash = false;
        return this;
    }

    public Class<E> type() {
        return type;
    }

    private static Set<String> orderedSet(String... values) {
        return new LinkedHashSet<>(Arrays.asList(values));
    }
}
