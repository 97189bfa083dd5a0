package org.gatehouse.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** One CSV field as the export writes it: quoted when it must be, and never a formula a spreadsheet would run. */
class CsvQuotingTest {

    @Test
    void plainTextGoesAsItIs() {
        assertEquals("", CsvExportServlet.csv(null));
        assertEquals("", CsvExportServlet.csv(""));
        assertEquals("ORD-000001", CsvExportServlet.csv("ORD-000001"));
        assertEquals("Zoë Łukasz 名前", CsvExportServlet.csv("Zoë Łukasz 名前"));
    }

    @Test
    void separatorsQuotesAndLineBreaksAreQuoted() {
        assertEquals("\"a,b\"", CsvExportServlet.csv("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvExportServlet.csv("say \"hi\""));
        assertEquals("\"one\ntwo\"", CsvExportServlet.csv("one\ntwo"));
        assertEquals("\"one\rtwo\"", CsvExportServlet.csv("one\rtwo"));
    }

    @Test
    void whatASpreadsheetWouldRunIsDefused() {
        for (String formula : new String[] {"=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"}) {
            String field = CsvExportServlet.csv(formula);
            assertEquals('"', field.charAt(0), formula);
            assertEquals('\'', field.charAt(1), "a leading quote keeps it text: " + formula);
        }
        assertEquals(
                "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", CsvExportServlet.csv("=HYPERLINK(\"http://x\",\"y\")"));
    }

    @Test
    void aTextBeginningWithTheDefusingQuoteKeepsItThroughAnImport() {
        assertEquals("\"''=1\"", CsvExportServlet.csv("'=1"));
        assertEquals("\"'''x\"", CsvExportServlet.csv("''x"));
        assertEquals("\"'x\"", CsvExportServlet.csv("'x"));
        for (String value : new String[] {"'=1", "''x", "'x", "=1", "-1", "@a", "plain"}) {
            String field = CsvExportServlet.csv(value);
            String cell = field.startsWith("\"")
                    ? field.substring(1, field.length() - 1).replace("\"\"", "\"")
                    : field;
            assertEquals(value, org.gatehouse.service.ImportColumns.undefused(cell), field);
        }
    }
}
