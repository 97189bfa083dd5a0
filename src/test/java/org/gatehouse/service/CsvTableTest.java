package org.gatehouse.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.gatehouse.i18n.Message;
import org.junit.jupiter.api.Test;

/** Reading uploaded CSV files: separators, quoting, encodings, and the files refused with a reason. */
class CsvTableTest {

    private static CsvTable read(String text) {
        return CsvTable.read(text.getBytes(StandardCharsets.UTF_8), null, null);
    }

    private static Message refusal(byte[] bytes, java.nio.charset.Charset charset) {
        return assertThrows(CsvTable.Refused.class, () -> CsvTable.read(bytes, charset, null))
                .getText();
    }

    @Test
    void commasAndSemicolonsAreFoundFromTheHeader() {
        CsvTable commas = read("id,Name,Price\r\n1,Lamp,9.50\r\n");
        assertEquals(',', commas.separator());
        assertEquals(List.of("id", "Name", "Price"), commas.header());
        assertArrayEquals(new String[] {"1", "Lamp", "9.50"}, commas.rows().get(0));

        CsvTable semicolons = read("id;Name;Price\n1;Lamp, big;9,50\n");
        assertEquals(';', semicolons.separator());
        assertArrayEquals(
                new String[] {"1", "Lamp, big", "9,50"}, semicolons.rows().get(0));

        CsvTable chosen = CsvTable.read("a;b,c\n1;2,3\n".getBytes(StandardCharsets.UTF_8), null, ',');
        assertEquals(List.of("a;b", "c"), chosen.header());
    }

    @Test
    void quotedCellsKeepSeparatorsQuotesAndLineBreaks() {
        CsvTable table = read("name,note\n\"a,b\",\"say \"\"hi\"\"\"\n\"one\r\ntwo\",\"\"\n\nlast,\n");
        assertEquals(3, table.rows().size(), "the empty line is no row");
        assertArrayEquals(new String[] {"a,b", "say \"hi\""}, table.rows().get(0));
        assertArrayEquals(new String[] {"one\r\ntwo", ""}, table.rows().get(1));
        assertArrayEquals(new String[] {"last", ""}, table.rows().get(2));
        assertArrayEquals(
                new String[] {"'=1+2"}, read("x\n\"'=1+2\"").rows().get(0), "cells are texts, nothing is run");
    }

    @Test
    void utf8WithOrWithoutMarkAndWindows1252AreRecognised() {
        byte[] marked = "\uFEFFName\nMüller".getBytes(StandardCharsets.UTF_8);
        CsvTable utf8 = CsvTable.read(marked, null, null);
        assertEquals(List.of("Name"), utf8.header(), "the byte order mark is no part of the first header");
        assertEquals("Müller", utf8.rows().get(0)[0]);
        assertEquals(StandardCharsets.UTF_8, utf8.charset());

        byte[] windows = "Name\nMüller € Straße".getBytes(CsvTable.WINDOWS_1252);
        CsvTable latin = CsvTable.read(windows, null, null);
        assertEquals(CsvTable.WINDOWS_1252, latin.charset());
        assertEquals("Müller € Straße", latin.rows().get(0)[0]);
    }

    @Test
    void aFileInAnotherEncodingThanChosenIsRefused() {
        byte[] windows = "Name\nMüller".getBytes(CsvTable.WINDOWS_1252);
        assertEquals(
                "import.refused.encoding",
                refusal(windows, StandardCharsets.UTF_8).key());
    }

    @Test
    void binaryFilesAreRefused() {
        assertEquals(
                "import.refused.binary",
                refusal(new byte[] {'a', ',', 'b', '\n', 0, 1, 2}, null).key());
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
        assertEquals("import.refused.binary", refusal(png, null).key());
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 6, 0};
        assertEquals("import.refused.binary", refusal(zip, null).key());
        byte[] utf16 = "Name\nA".getBytes(StandardCharsets.UTF_16LE);
        assertEquals("import.refused.binary", refusal(utf16, null).key());
    }

    @Test
    void limitsAreKept() {
        assertEquals("import.refused.empty", refusal(new byte[0], null).key());
        assertEquals(
                "import.refused.empty",
                refusal("\n\n".getBytes(StandardCharsets.UTF_8), null).key());
        Message tooLarge = refusal(new byte[CsvTable.MAX_BYTES + 1], null);
        assertEquals(Message.of("import.refused.tooLarge", 20), tooLarge);

        String wide = "c,".repeat(9_999) + "c\n";
        assertEquals(
                Message.of("import.refused.tooManyColumns", CsvTable.MAX_COLUMNS),
                refusal(wide.getBytes(StandardCharsets.UTF_8), null));
        read("c,".repeat(CsvTable.MAX_COLUMNS - 1) + "c\n");

        StringBuilder tall = new StringBuilder("n\n");
        for (int i = 0; i <= CsvTable.MAX_ROWS; i++) {
            tall.append(i).append('\n');
        }
        assertEquals(
                Message.of("import.refused.tooManyRows", CsvTable.MAX_ROWS),
                refusal(tall.toString().getBytes(StandardCharsets.UTF_8), null));
        tall.setLength(tall.length() - 2 - String.valueOf(CsvTable.MAX_ROWS).length());
        assertEquals(CsvTable.MAX_ROWS, read(tall.toString()).rows().size());
    }

    @Test
    void brokenQuotingIsRefusedWithTheLine() {
        assertEquals(
                Message.of("import.refused.quote", 3),
                refusal("a\nb\n\"open\n".getBytes(StandardCharsets.UTF_8), null));
        assertEquals(
                Message.of("import.refused.quote", 2),
                refusal("a,b\n\"x\"y,z\n".getBytes(StandardCharsets.UTF_8), null));
    }
}
