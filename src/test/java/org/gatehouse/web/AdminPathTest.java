package org.gatehouse.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The admin addresses after {@code /admin/}: what each names, and what names nothing. */
class AdminPathTest {

    @Test
    void eachKindOfAddressNamesItsPage() {
        assertEquals(new AdminPath("orders", null, AdminPath.Mode.LIST), AdminPath.parse("orders"));
        assertEquals(new AdminPath("orders", null, AdminPath.Mode.LIST), AdminPath.parse("orders/"));
        assertEquals(new AdminPath("orders", "42", AdminPath.Mode.DETAILS), AdminPath.parse("orders/42"));
        assertEquals(new AdminPath("orders", "42", AdminPath.Mode.EDIT), AdminPath.parse("orders/42/edit"));
        assertEquals(new AdminPath("orders", null, AdminPath.Mode.CREATE), AdminPath.parse("orders/new"));
        assertEquals(new AdminPath("orders", null, AdminPath.Mode.EXPORT), AdminPath.parse("orders/export.csv"));
        assertEquals(new AdminPath("audit-log", "a_B-9", AdminPath.Mode.DETAILS), AdminPath.parse("audit-log/a_B-9"));
        assertEquals(
                AdminPages.VIEWS + "/admin/form.xhtml",
                AdminPath.parse("orders/new").page());
        assertEquals(CsvExportServlet.PATH, AdminPath.parse("orders/export.csv").page());
        assertEquals(new AdminPath("orders", null, AdminPath.Mode.TRASH), AdminPath.parse("orders/trash"));
        assertEquals(
                AdminPages.VIEWS + "/admin/trash.xhtml",
                AdminPath.parse("orders/trash/").page());
    }

    @Test
    void anythingElseNamesNothing() {
        for (String rest : new String[] {
            "",
            "/",
            "Orders",
            "9orders",
            "orders/42/delete",
            "orders/42/edit/x",
            "orders//42",
            "orders/4 2",
            "orders/" + "1".repeat(65),
            "orders/42;x",
            "orders/..",
            "orders/%2e",
            "orders/new/edit",
            "orders/export.csv/1",
            "orders/trash/edit",
            "orders/trash/1",
            "orders/Trash;x",
            "orders/\u00e9"
        }) {
            assertNull(AdminPath.parse(rest), rest);
        }
    }
}
