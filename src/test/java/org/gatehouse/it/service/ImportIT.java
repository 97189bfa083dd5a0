package org.gatehouse.it.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gatehouse.it.Browser;
import org.gatehouse.it.Deployments;
import org.gatehouse.it.HttpSession;
import org.gatehouse.it.TestDatabase;
import org.gatehouse.it.fixtures.AsAdmin;
import org.gatehouse.it.fixtures.AsEditor;
import org.gatehouse.it.fixtures.AsViewer;
import org.gatehouse.it.fixtures.TestUsers;
import org.gatehouse.metadata.AdminRegistry;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.service.CsvImport;
import org.gatehouse.service.CsvTable;
import org.gatehouse.service.ForbiddenException;
import org.gatehouse.service.ImportFailedException;
import org.gatehouse.service.ImportPlan;
import org.gatehouse.service.ImportPlan.Outcome;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * CSV import inside Payara Micro on PostgreSQL: the dry run's outcome per row and each kind of
 * row error, all-or-nothing and skipping rows in error, the audit entries, permissions, a
 * 100,000-row import (throughput printed), and the page over HTTP: an export read back unchanged
 * and crafted uploads answered with a message, changing nothing.
 */
@ExtendWith(ArquillianExtension.class)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class ImportIT {

    /** Made on the client only: the test class is loaded in the container too. */
    private static final class Database {
        static final TestDatabase INSTANCE = TestDatabase.create();
    }

    private static final String HEADER = "id,SKU,Name,Price,Stock,Active\n";

    @ArquillianResource
    private URL injected;

    @Inject
    private CsvImport imports;

    @Inject
    private AdminRegistry registry;

    @Inject
    private AsAdmin asAdmin;

    @Inject
    private AsEditor asEditor;

    @Inject
    private AsViewer asViewer;

    @jakarta.persistence.PersistenceContext
    private jakarta.persistence.EntityManager em;

    @Deployment
    static WebArchive deployment() {
        return Deployments.inContainer(Deployments.war(Database.INSTANCE, Map.of("GATEHOUSE_DEMO_ROWS", "200")))
                .addClass(TestUsers.class);
    }

    // ---------------------------------------------------------------- in the container

    private AdminView<?> products() {
        return registry.view("products").orElseThrow();
    }

    private static CsvTable csv(String text) {
        return CsvTable.read(text.getBytes(StandardCharsets.UTF_8), null, null);
    }

    private List<String> mapping(CsvTable table) {
        return org.gatehouse.service.ImportColumns.suggest(table.header(), products());
    }

    private ImportPlan dryRun(String text) throws Exception {
        CsvTable table = csv(text);
        return asAdmin.call(() -> imports.dryRun(products(), table, mapping(table), "test.csv", null));
    }

    /** One product as the export writes it (id, sku, name, price, stock, active). */
    private String exported(long offset) {
        Object[] row =
                (Object[]) em.createNativeQuery("select id, sku, name, price, stock, active from products order by id"
                                + " offset " + offset + " limit 1")
                        .getSingleResult();
        return row[0] + "," + row[1] + ",\"" + String.valueOf(row[2]).replace("\"", "\"\"") + "\","
                + ((java.math.BigDecimal) row[3]).toPlainString() + "," + row[4] + ","
                + (Boolean.TRUE.equals(row[5]) ? "Yes" : "No");
    }

    /** A number the database answers, read in the container. */
    private long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }

    private String value(String sql) {
        List<?> rows = em.createNativeQuery(sql).getResultList();
        return rows.isEmpty() || rows.get(0) == null ? null : rows.get(0).toString();
    }

    private static long productId(long offset) throws Exception {
        return Database.INSTANCE.number("select id from products order by id offset " + offset + " limit 1");
    }

    private static Map<Integer, ImportPlan.Row> byNumber(ImportPlan plan) {
        Map<Integer, ImportPlan.Row> rows = new HashMap<>();
        plan.shown().forEach(row -> rows.put(row.number(), row));
        return rows;
    }

    private static String problemField(ImportPlan.Row row) {
        return row.problems().isEmpty() ? null : row.problems().get(0).field();
    }

    private static String problemKey(ImportPlan.Row row) {
        ImportPlan.Problem problem = row.problems().get(0);
        return problem.message() == null
                ? "constraint:" + problem.constraint()
                : problem.message().key();
    }

    @Test
    void theDryRunSaysWhatEachRowWouldDoAndNamesEachKindOfError() throws Exception {
        long products = count("select count(*) from products");
        String unchanged = exported(0);
        String[] second = exported(1).split(",", 2);
        String text = HEADER
                + ",IMP-NEW-1,New lamp,9.50,3,Yes\n" // 2 create
                + unchanged + "\n" // 3 unchanged
                + second[0] + ",\"" + second[1].split(",")[0] + "\",Renamed product,1.00,1,No\n" // 4 update
                + ",IMP-NEW-2,Bad price,9.5x,1,Yes\n" // 5 conversion
                + ",bad sku,Bad sku,1.00,1,Yes\n" // 6 Bean Validation
                + "999999999,IMP-NEW-3,Missing,1.00,1,Yes\n" // 7 no such record
                + ",IMP-NEW-4,Too many,1.00,1,Yes,extra\n" // 8 cells
                + ",IMP-NEW-5,=cmd|' /C calc'!A0,1.00,1,Yes\n" // 9 formula
                + ",IMP-NEW-6,Bad flag,1.00,1,Maybe\n" // 10 conversion (boolean)
                + ",IMP-NEW-7,Negative,1.00,-4,Yes\n"; // 11 Bean Validation (@PositiveOrZero)
        ImportPlan plan = dryRun(text);
        Map<Integer, ImportPlan.Row> rows = byNumber(plan);
        assertEquals(Outcome.CREATE, rows.get(2).outcome());
        assertEquals(
                Outcome.UNCHANGED, rows.get(3).outcome(), rows.get(3).problems().toString());
        assertEquals(
                Outcome.UPDATE, rows.get(4).outcome(), rows.get(4).problems().toString());
        assertEquals("price", problemField(rows.get(5)));
        assertEquals("import.error.unreadable", problemKey(rows.get(5)));
        assertEquals("sku", problemField(rows.get(6)));
        assertTrue(
                problemKey(rows.get(6)).startsWith("constraint:"),
                "the constraint's own message, as the form shows it");
        assertEquals("id", problemField(rows.get(7)));
        assertEquals("import.error.noRecord", problemKey(rows.get(7)));
        assertEquals("import.error.cells", problemKey(rows.get(8)));
        assertEquals("name", problemField(rows.get(9)));
        assertEquals("import.error.formula", problemKey(rows.get(9)));
        assertEquals("active", problemField(rows.get(10)));
        assertEquals("stock", problemField(rows.get(11)));
        assertEquals(List.of(1, 1, 1, 7), List.of(plan.created(), plan.updated(), plan.unchanged(), plan.errors()));
        assertEquals(products, count("select count(*) from products"), "a dry run writes nothing");
        assertEquals(0, count("select count(*) from products where sku like 'IMP-NEW-%' or name = 'Renamed product'"));
    }

    @Test
    void relationsAreReadByLabelOrIdAndAMissingOneIsAnError() throws Exception {
        AdminView<?> orders = registry.view("orders").orElseThrow();
        long customer = count("select id from customers order by id limit 1");
        long order = count("select id from orders order by id limit 1");
        long other = count("select id from orders order by id offset 1 limit 1");
        String reference = value("select reference from orders where id = " + order);
        String text = "id,Customer\n" + order + "," + customer + "\n" + other + ",No Such Customer Anywhere\n";
        CsvTable table = csv(text);
        List<String> mapping = Arrays.asList("id", "customer");
        ImportPlan plan = asAdmin.call(() -> imports.dryRun(orders, table, mapping, "orders.csv", null));
        Map<Integer, ImportPlan.Row> rows = byNumber(plan);
        assertFalse(
                rows.get(2).outcome() == Outcome.ERROR, "by id: " + rows.get(2).problems() + " " + reference);
        assertEquals(Outcome.ERROR, rows.get(3).outcome());
        assertEquals("customer", problemField(rows.get(3)));
        assertEquals("import.error.relationMissing", problemKey(rows.get(3)));
    }

    @Test
    void anImportIsAllOrNothingUnlessRowsInErrorAreSkippedAndEachRecordIsAudited() throws Exception {
        String text = HEADER + ",IMP-ALL-1,First,1.00,1,Yes\n,IMP-ALL-2,Second,2.00,2,Yes\n,bad sku,Third,3.00,3,Yes\n";
        CsvTable table = csv(text);
        ImportFailedException failed = assertThrows(
                ImportFailedException.class,
                () -> asAdmin.call(() -> imports.apply(products(), table, mapping(table), "all.csv", false, null)));
        assertEquals(4, failed.getRow());
        assertEquals(0, count("select count(*) from products where sku like 'IMP-ALL-%'"), "nothing written");
        assertEquals(0, count("select count(*) from audit_log where action = 'IMPORT' and entity_label = 'all.csv'"));

        AtomicInteger progress = new AtomicInteger();
        ImportPlan done =
                asAdmin.call(() -> imports.apply(products(), table, mapping(table), "all.csv", true, progress));
        assertEquals(List.of(2, 1), List.of(done.created(), done.skipped()));
        assertEquals(3, progress.get());
        assertEquals(2, count("select count(*) from products where sku like 'IMP-ALL-%'"));
        assertEquals(
                2,
                count("select count(*) from audit_log a join products p on a.entity_id = cast(p.id as varchar)"
                        + " where a.entity_type = 'Product' and a.action = 'CREATE' and p.sku like 'IMP-ALL-%'"));
        String entry = value("select changes from audit_log where action = 'IMPORT' and entity_label = 'all.csv'");
        assertTrue(
                entry.contains("\"@file\":\"all.csv\"")
                        && entry.contains("\"@created\":2")
                        && entry.contains("\"@skipped\":1"),
                entry);
    }

    @Test
    void whoMayNeitherCreateNorEditIsRefusedAndAnEditorMayImport() throws Exception {
        CsvTable table = csv(HEADER + ",IMP-ROLE-1,Role,1.00,1,Yes\n");
        assertThrows(
                ForbiddenException.class,
                () -> asViewer.call(() -> imports.dryRun(products(), table, mapping(table), "viewer.csv", null)));
        assertThrows(
                ForbiddenException.class,
                () -> asViewer.call(() -> imports.apply(products(), table, mapping(table), "viewer.csv", false, null)));
        AdminView<?> audit = registry.view("audit").orElseThrow();
        assertFalse(asAdmin.call(() -> imports.allowed(audit)), "the audit log takes no import");
        ImportPlan plan =
                asEditor.call(() -> imports.apply(products(), table, mapping(table), "editor.csv", false, null));
        assertEquals(1, plan.created());
        assertEquals(1, count("select count(*) from products where sku = 'IMP-ROLE-1'"));
    }

    @jakarta.annotation.Resource
    private jakarta.transaction.UserTransaction transaction;

    private void sql(String... statements) throws Exception {
        transaction.begin();
        em.joinTransaction();
        for (String statement : statements) {
            em.createNativeQuery(statement).executeUpdate();
        }
        transaction.commit();
    }

    @Test
    void aScopedEditorImportsOnlyWithinTheirScope() throws Exception {
        String country = value("select country from customers order by id limit 1");
        long own = count("select id from customers where country = '" + country + "' order by id limit 1");
        long foreign = count("select id from customers where country <> '" + country + "' order by id limit 1");
        String other = value("select country from customers where id = " + foreign);
        // the editor's account also holds the support role, narrowed to the first customer's country
        sql(
                "update users set country = '" + country + "' where email = 'test-editor'",
                "insert into users_roles (user_id, role_id) select -2, id from roles where name = 'support'");
        try {
            AdminView<?> customers = registry.view("customers").orElseThrow();
            CsvTable updates = csv("id,Name\n" + foreign + ",Foreign renamed\n" + own + ",Own renamed\n");
            ImportPlan plan =
                    asEditor.call(() -> imports.dryRun(customers, updates, List.of("id", "name"), "scope.csv", null));
            Map<Integer, ImportPlan.Row> rows = byNumber(plan);
            assertEquals(
                    "import.error.noRecord", problemKey(rows.get(2)), "a record outside the scope is as if missing");
            assertEquals(Outcome.UPDATE, rows.get(3).outcome());

            CsvTable outside = csv("Name,Email,City,Country\nOutsider,outsider@import.test,Paris," + other + "\n");
            ImportFailedException refused = assertThrows(
                    ImportFailedException.class,
                    () -> asEditor.call(() -> imports.apply(
                            customers,
                            outside,
                            List.of("name", "email", "city", "country"),
                            "scope.csv",
                            false,
                            null)));
            assertEquals(
                    "import.error.forbidden",
                    refused.getProblems().get(0).message().key());
            assertEquals(0, count("select count(*) from customers where email = 'outsider@import.test'"), "undone");
            assertEquals(0, count("select count(*) from customers where name like '%renamed'"));
        } finally {
            sql(
                    "delete from users_roles where user_id = -2 and role_id = (select id from roles where name = 'support')",
                    "update users set country = null where email = 'test-editor'");
        }
    }

    @Test
    void rowsWithoutAnIdAreMatchedOnTheNaturalKeyAndARecordNamedTwiceIsAnError() throws Exception {
        String[] first = exported(5).split(",");
        String sku = first[1];
        String text = "SKU,Name,Price,Stock,Active\n"
                + sku + ",Renamed by SKU,1.00,1,Yes\n" // 2 update, matched on the SKU
                + "IMP-KEY-1,Keyed,2.00,2,Yes\n" // 3 create
                + "IMP-KEY-1,Keyed again,2.00,2,Yes\n" // 4 the same new record again
                + sku + ",Renamed twice,1.00,1,Yes\n"; // 5 the same stored record again
        CsvTable table = csv(text);
        ImportPlan plan = asAdmin.call(() -> imports.dryRun(products(), table, mapping(table), "keys.csv", null));
        Map<Integer, ImportPlan.Row> rows = byNumber(plan);
        assertEquals(
                Outcome.UPDATE, rows.get(2).outcome(), rows.get(2).problems().toString());
        assertEquals(first[0], rows.get(2).id(), "the record the SKU names");
        assertEquals(Outcome.CREATE, rows.get(3).outcome());
        assertEquals("import.error.twice", problemKey(rows.get(4)));
        assertEquals("sku", problemField(rows.get(4)));
        assertEquals("import.error.twice", problemKey(rows.get(5)));

        ImportPlan done = asAdmin.call(() -> imports.apply(products(), table, mapping(table), "keys.csv", true, null));
        assertEquals(List.of(1, 1, 2), List.of(done.created(), done.updated(), done.skipped()));
        assertEquals("Renamed by SKU", value("select name from products where id = " + first[0]));
        assertEquals(1, count("select count(*) from products where sku = 'IMP-KEY-1'"), "created once, not duplicated");
        CsvTable again = csv("SKU,Name\n" + sku + ",Renamed by SKU\n");
        ImportPlan unchanged = asAdmin.call(() -> imports.dryRun(products(), again, mapping(again), "keys.csv", null));
        assertEquals(
                Outcome.UNCHANGED,
                byNumber(unchanged).get(2).outcome(),
                "a file that says what is stored changes nothing");
    }

    @Test
    void aNaturalKeyTakenOutsideTheCallersScopeIsNeitherUpdatedNorDuplicated() throws Exception {
        String country = value("select country from customers order by id limit 1");
        String foreignEmail =
                value("select email from customers where country <> '" + country + "' order by id limit 1");
        sql(
                "update users set country = '" + country + "' where email = 'test-editor'",
                "insert into users_roles (user_id, role_id) select -2, id from roles where name = 'support'");
        try {
            AdminView<?> customers = registry.view("customers").orElseThrow();
            CsvTable table = csv("Email,Name,Country\n" + foreignEmail + ",Taken over," + country + "\n");
            ImportPlan plan = asEditor.call(
                    () -> imports.dryRun(customers, table, List.of("email", "name", "country"), "taken.csv", null));
            ImportPlan.Row row = byNumber(plan).get(2);
            assertEquals(Outcome.ERROR, row.outcome());
            assertEquals("import.error.keyTaken", problemKey(row));
            assertEquals("email", problemField(row));
            assertEquals(0, count("select count(*) from customers where name = 'Taken over'"));
        } finally {
            sql(
                    "delete from users_roles where user_id = -2 and role_id = (select id from roles where name = 'support')",
                    "update users set country = null where email = 'test-editor'");
        }
    }

    // ---------------------------------------------------------------- over HTTP

    private String base() {
        return Deployments.localBase(injected);
    }

    private static final Pattern SUMMARY = Pattern.compile("id=\"summary\"[^>]*>([^<]*)<");

    /** Uploads a file on the import page and answers the response (the page with the mapping, or a message). */
    private static HttpResponse<String> upload(
            HttpSession session, String view, String name, byte[] content, String encoding) throws Exception {
        HttpResponse<String> page = session.get("admin/" + view + "/import");
        assertEquals(200, page.statusCode());
        return session.postMultipart(
                "admin/" + view + "/import",
                HttpSession.viewState(page.body()),
                Map.of("upload", "upload", "upload:encoding", encoding, "upload:separator", "auto", "upload:read", ""),
                fileInput(page.body()),
                name,
                content);
    }

    private static final Pattern FILE_INPUT = Pattern.compile("<input[^>]*type=\"file\"[^>]*>");
    private static final Pattern NAME = Pattern.compile("name=\"([^\"]+)\"");

    /** The name of the page's file input, as the browser posts the file. */
    private static String fileInput(String html) {
        Matcher input = FILE_INPUT.matcher(html);
        assertTrue(input.find(), "a file input");
        Matcher name = NAME.matcher(input.group());
        assertTrue(name.find(), input.group());
        return name.group(1);
    }

    private static HttpResponse<String> dryRunPage(HttpSession session, String view, HttpResponse<String> uploaded)
            throws Exception {
        Map<String, String> fields = new HashMap<>(mappingShown(uploaded.body()));
        fields.put("plan", "plan");
        fields.put("plan:dryRun", "");
        return session.post("admin/" + view + "/import", HttpSession.viewState(uploaded.body()), fields);
    }

    private static final Pattern SELECT =
            Pattern.compile("<select[^>]*name=\"(plan:columns:\\d+:target)\"[^>]*>(.*?)</select>", Pattern.DOTALL);
    private static final Pattern SELECTED = Pattern.compile("<option value=\"([^\"]*)\" selected");

    /** The mapping the page suggested, as the browser posts it back. */
    private static Map<String, String> mappingShown(String html) {
        Map<String, String> fields = new HashMap<>();
        Matcher select = SELECT.matcher(html);
        while (select.find()) {
            Matcher selected = SELECTED.matcher(select.group(2));
            fields.put(select.group(1), selected.find() ? selected.group(1) : "");
        }
        assertFalse(fields.isEmpty(), "the mapping's menus");
        return fields;
    }

    private static String summary(HttpResponse<String> page) {
        Matcher matcher = SUMMARY.matcher(page.body());
        assertTrue(
                matcher.find(),
                "a summary: " + page.body().substring(Math.max(0, page.body().indexOf("<main"))));
        return matcher.group(1).trim();
    }

    @Test
    @RunAsClient
    void anExportIsReadBackUnchangedAndImportedThroughThePage() throws Exception {
        HttpSession admin = HttpSession.signedIn(base(), Deployments.ADMIN_EMAIL, Deployments.ADMIN_PASSWORD);
        // a name a spreadsheet would run: the export defuses it, the import takes the quote off again
        Database.INSTANCE.execute(
                "update products set name = '=1+2 lamp', version = version + 1 where id = " + productId(2));
        Database.INSTANCE.execute("update customers set name = '-Dash @home', version = version + 1 where id = "
                + Database.INSTANCE.number("select id from customers order by id limit 1"));
        for (String view : List.of("products", "customers")) {
            HttpResponse<String> export = admin.get("admin/" + view + "/export.csv");
            assertEquals(200, export.statusCode(), view);
            String before = Database.INSTANCE.text(
                    "select string_agg(cast(id as varchar) || ':' || version, ',' order by id) from " + view);
            HttpResponse<String> uploaded =
                    upload(admin, view, view + ".csv", export.body().getBytes(StandardCharsets.UTF_8), "auto");
            assertEquals(200, uploaded.statusCode());
            assertTrue(uploaded.body().contains("id=\"mapping\""), "the mapping is shown");
            HttpResponse<String> checked = dryRunPage(admin, view, uploaded);
            long rows = Database.INSTANCE.number("select count(*) from " + view);
            assertEquals(
                    "Of " + String.format("%,d", rows) + " rows, 0 would be created, 0 updated, "
                            + String.format("%,d", rows) + " left unchanged and 0 are in error.",
                    summary(checked),
                    view);

            Map<String, String> apply = new HashMap<>(mappingShown(checked.body()));
            apply.put("plan", "plan");
            apply.put("plan:apply", "");
            HttpResponse<String> applied =
                    admin.post("admin/" + view + "/import", HttpSession.viewState(checked.body()), apply);
            assertEquals(200, applied.statusCode());
            String polled = applied.body();
            assertTrue(
                    polled.contains("Imported " + view + ".csv: 0 created, 0 updated, " + String.format("%,d", rows)
                            + " unchanged, 0 skipped"),
                    polled);
            assertEquals(
                    before,
                    Database.INSTANCE.text(
                            "select string_agg(cast(id as varchar) || ':' || version, ',' order by id) from " + view),
                    "no record changed");
            String entry = Database.INSTANCE.text(
                    "select actor || ' ' || changes from audit_log where action = 'IMPORT' and entity_label = '" + view
                            + ".csv'");
            assertTrue(
                    entry.startsWith(Deployments.ADMIN_EMAIL + " ") && entry.contains("\"@unchanged\":" + rows), entry);
        }
    }

    private static final Pattern PROGRESS_TOKEN = Pattern.compile("import-progress\\?token=([0-9a-f-]{36})");

    @Test
    @RunAsClient
    void theProgressOfAFileAnswersOnlyTheUserWhoUploadedIt() throws Exception {
        HttpSession admin = HttpSession.signedIn(base(), Deployments.ADMIN_EMAIL, Deployments.ADMIN_PASSWORD);
        HttpResponse<String> uploaded = upload(
                admin,
                "products",
                "progress.csv",
                (HEADER + ",IMP-PROG-1,Progress,1.00,1,Yes\n").getBytes(StandardCharsets.UTF_8),
                "auto");
        Matcher found = PROGRESS_TOKEN.matcher(uploaded.body());
        assertTrue(found.find(), "the page names where its script asks for progress");
        String token = found.group(1);
        dryRunPage(admin, "products", uploaded);
        String path = "import-progress?token=" + token;
        HttpResponse<String> own = admin.get(path);
        assertEquals(200, own.statusCode());
        assertEquals("{\"done\":1,\"total\":1,\"applying\":false}", own.body());
        assertEquals("no-store", own.headers().firstValue("Cache-Control").orElse(""));

        HttpSession editor = HttpSession.signedIn(base(), TestUsers.EDITOR, TestUsers.PASSWORD);
        assertEquals(404, editor.get(path).statusCode(), "another user's file: as if there were none");
        HttpResponse<String> anonymous = new HttpSession(base()).get(path);
        assertFalse(
                anonymous.statusCode() == 200 || anonymous.body().contains("\"done\""),
                "anonymous: " + anonymous.statusCode());
        for (String crafted : List.of(
                "import-progress?token=" + token.toUpperCase(java.util.Locale.ROOT),
                "import-progress?token=" + token + "%00",
                "import-progress?token=../" + token,
                "import-progress?token=",
                "import-progress")) {
            assertEquals(404, admin.get(crafted).statusCode(), crafted);
        }
        for (String variant : List.of(
                "import-progress;x?token=" + token,
                "IMPORT-PROGRESS?token=" + token,
                "%69mport-progress?token=" + token)) {
            HttpResponse<String> answer = admin.get(variant);
            assertFalse(answer.statusCode() == 200 || answer.statusCode() >= 500, variant + ": " + answer.statusCode());
        }
        assertEquals(
                0,
                Database.INSTANCE.number("select count(*) from products where sku = 'IMP-PROG-1'"),
                "a dry run writes nothing");
    }

    @Test
    @RunAsClient
    void craftedUploadsAreAnsweredWithAMessageAndChangeNothing() throws Exception {
        HttpSession admin = HttpSession.signedIn(base(), Deployments.ADMIN_EMAIL, Deployments.ADMIN_PASSWORD);
        long products = Database.INSTANCE.number("select count(*) from products");
        String versions =
                Database.INSTANCE.text("select string_agg(cast(version as varchar), ',' order by id) from products");

        byte[] huge = new byte[CsvTable.MAX_BYTES + 1024];
        Arrays.fill(huge, (byte) 'a');
        assertMessage(upload(admin, "products", "huge.csv", huge, "auto"), "The file is larger than 20 MB.");
        HttpResponse<String> page = admin.get("admin/products/import");
        HttpResponse<String> tooBig = admin.postMultipart(
                "admin/products/import",
                HttpSession.viewState(page.body()),
                Map.of("upload", "upload", "upload:read", ""),
                fileInput(page.body()),
                "huger.csv",
                new byte[30 * 1024 * 1024]);
        assertEquals(413, tooBig.statusCode());

        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        assertMessage(
                upload(admin, "products", "image.csv", png, "auto"),
                "The file is not a CSV text file (it contains binary data).");
        byte[] latin = (HEADER + ",IMP-ENC-1,Müller,1.00,1,Yes\n").getBytes(CsvTable.WINDOWS_1252);
        assertMessage(
                upload(admin, "products", "latin.csv", latin, "UTF-8"),
                "The file is not valid UTF-8 text: choose another encoding.");
        String wide = "c,".repeat(9_999) + "c\n" + "1,".repeat(9_999) + "1\n";
        assertMessage(
                upload(admin, "products", "wide.csv", wide.getBytes(StandardCharsets.UTF_8), "auto"),
                "The file has more than 200 columns.");

        HttpResponse<String> formula = upload(
                admin,
                "products",
                "formula.csv",
                (HEADER + ",IMP-CALC-1,=cmd|' /C calc'!A0,1.00,1,Yes\n").getBytes(StandardCharsets.UTF_8),
                "auto");
        HttpResponse<String> checked = dryRunPage(admin, "products", formula);
        assertEquals(
                "Of 1 rows, 0 would be created, 0 updated, 0 left unchanged and 1 are in error.", summary(checked));
        assertTrue(checked.body().contains("Begins like a spreadsheet formula"), "the row's message");
        Map<String, String> apply = new HashMap<>(mappingShown(checked.body()));
        apply.put("plan", "plan");
        apply.put("plan:apply", "");
        HttpResponse<String> applied =
                admin.post("admin/products/import", HttpSession.viewState(checked.body()), apply);
        String polled = applied.body();
        assertTrue(polled.contains("Nothing was imported: row 2 is in error."), polled);

        assertEquals(products, Database.INSTANCE.number("select count(*) from products"), "nothing created");
        assertEquals(
                versions,
                Database.INSTANCE.text("select string_agg(cast(version as varchar), ',' order by id) from products"),
                "nothing changed");
    }

    private static void assertMessage(HttpResponse<String> response, String message) {
        assertEquals(200, response.statusCode(), message);
        assertTrue(
                response.body().contains(message),
                message + " in "
                        + response.body().substring(Math.max(0, response.body().indexOf("<main"))));
        assertFalse(response.body().contains("id=\"mapping\""), "no mapping for a refused file");
    }

    @Test
    @RunAsClient
    void viewersGet403AlsoForCraftedPostsAndPathTricksBehaveLikeEverywhere() throws Exception {
        HttpSession viewer = HttpSession.signedIn(base(), TestUsers.VIEWER, TestUsers.PASSWORD);
        assertEquals(403, viewer.get("admin/products/import").statusCode());
        assertEquals(
                403,
                viewer.postMultipart(
                                "admin/products/import",
                                null,
                                Map.of("upload", "upload", "upload:read", ""),
                                "upload:file",
                                "x.csv",
                                (HEADER + ",IMP-V-1,V,1.00,1,Yes\n").getBytes(StandardCharsets.UTF_8))
                        .statusCode());
        assertEquals(0, Database.INSTANCE.number("select count(*) from products where sku = 'IMP-V-1'"));
        assertFalse(viewer.get("admin/products").body().contains("id=\"importLink\""), "no import offered to a viewer");

        HttpSession editor = HttpSession.signedIn(base(), TestUsers.EDITOR, TestUsers.PASSWORD);
        assertEquals(200, editor.get("admin/products/import").statusCode());
        assertTrue(editor.get("admin/products").body().contains("importLink"), "the list offers the import");
        HttpSession admin = HttpSession.signedIn(base(), Deployments.ADMIN_EMAIL, Deployments.ADMIN_PASSWORD);
        assertEquals(404, admin.get("admin/audit/import").statusCode(), "a read-only view has no import, as no form");
        assertEquals(404, admin.get("admin/nothing/import").statusCode());
        assertEquals(404, admin.get("admin/products/import/edit").statusCode());
        assertEquals(400, admin.get("admin/products/import;x").statusCode());
        assertEquals(400, admin.get("admin/products/%69mport").statusCode());
    }

    @Test
    @RunAsClient
    @org.junit.jupiter.api.Order(Integer.MAX_VALUE) // last: the other tests read whole small tables
    void aHundredThousandRowsAreCheckedAndImportedInTheBrowserWithProgress() throws Exception {
        int count = 100_000;
        StringBuilder text = new StringBuilder("SKU,Name,Price,Stock,Active\n");
        for (int i = 0; i < count; i++) {
            text.append(String.format(
                    "BULK-%06d,Bulk product %d,%d.%02d,%d,%s%n",
                    i, i, i % 1000, i % 100, i % 50, i % 3 == 0 ? "No" : "Yes"));
        }
        java.nio.file.Path file = java.nio.file.Files.createTempFile("bulk-", ".csv");
        java.nio.file.Files.writeString(file, text, StandardCharsets.UTF_8);
        try {
            InTheBrowser.importWithProgress(base(), file, count);
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    /** Selenium on the client only: its classes are not in the deployment the container loads this test from. */
    private static final class InTheBrowser {
        static void importWithProgress(String base, java.nio.file.Path file, int count) throws Exception {
            long before = Database.INSTANCE.number("select count(*) from products");
            try (Browser browser = new Browser(base)) {
                browser.signIn(Deployments.ADMIN_EMAIL, Deployments.ADMIN_PASSWORD);
                browser.open("admin/products/import");
                browser.driver()
                        .findElement(org.openqa.selenium.By.cssSelector("input[type=file]"))
                        .sendKeys(file.toAbsolutePath().toString());
                browser.click("#upload\\:read");
                browser.wait(60).until(d -> browser.has("#mapping"));

                long dryStarted = System.nanoTime();
                browser.click("#plan\\:dryRun");
                browser.wait(300).until(d -> browser.has("#summary"));
                double drySeconds = (System.nanoTime() - dryStarted) / 1e9;
                assertEquals(
                        "Of 100,000 rows, 100,000 would be created, 0 updated, 0 left unchanged and 0 are in error.",
                        browser.text("#summary"));

                browser.click("#plan\\:apply");
                browser.wait(10)
                        .until(d -> browser.has("#plan\\:importConfirmYes")
                                && browser.find("#plan\\:importConfirmYes").isDisplayed());
                long started = System.nanoTime();
                browser.click("#plan\\:importConfirmYes");
                List<String> seen = new java.util.ArrayList<>();
                while (System.nanoTime() - started < 900e9) {
                    String shown;
                    try {
                        if (browser.text("#summary").startsWith("Imported")) {
                            break;
                        }
                        shown = browser.find("#importProgressText").getText();
                    } catch (org.openqa.selenium.StaleElementReferenceException rendered) {
                        continue; // the form was just rendered anew
                    }
                    if (!shown.isEmpty()
                            && (seen.isEmpty() || !seen.get(seen.size() - 1).equals(shown))) {
                        seen.add(shown);
                    }
                    Thread.sleep(500);
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                assertTrue(browser.text("#summary").startsWith("Imported bulk-"), browser.text("#summary"));
                assertEquals(before + count, Database.INSTANCE.number("select count(*) from products"));
                assertTrue(
                        seen.stream()
                                .anyMatch(shown -> shown.matches("Importing: [1-9][0-9,]* of 100,000 rows\\.")
                                        && !shown.startsWith("Importing: 100,000")),
                        "the bar moved while the import ran: " + seen);
                assertTrue(
                        browser.cspViolations().isEmpty(),
                        browser.cspViolations().toString());
                System.out.printf(
                        "IMPORT THROUGHPUT (browser, PostgreSQL): dry run of %d rows in %.1f s (%.0f rows/s);"
                                + " import in %.1f s (%.0f rows/s); progress shown %d times, e.g. %s%n",
                        count,
                        drySeconds,
                        count / drySeconds,
                        seconds,
                        count / seconds,
                        seen.size(),
                        seen.subList(0, Math.min(3, seen.size())));
            }
        }
    }
}
