package org.gatehouse.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The import page's reading of an uploaded file: the user's choices, checked, and a safe file name. */
class CsvReadingTest {

    @Test
    void unknownChoicesFallBackToDetecting() {
        CsvReading reading = new CsvReading();
        reading.setEncoding("EBCDIC");
        reading.setSeparator("|");
        assertEquals("auto", reading.getEncoding());
        assertEquals("auto", reading.getSeparator());
        reading.setEncoding("windows-1252");
        reading.setSeparator(";");
        assertEquals("windows-1252", reading.getEncoding());
        assertEquals(";", reading.getSeparator());
    }

    @Test
    void aChosenSeparatorWinsOverDetection() {
        byte[] file = "a;b;c,d\n1;2;3,4\n".getBytes(StandardCharsets.UTF_8);
        CsvReading reading = new CsvReading();
        assertEquals(List.of("a", "b", "c,d"), reading.read(file).header());
        reading.setSeparator(",");
        assertEquals(List.of("a;b;c", "d"), reading.read(file).header());
    }

    @Test
    void fileNamesKeepLettersDigitsAndSimplePunctuationOnly() {
        assertEquals("Kunden 2026_05.csv", CsvReading.safeName("Kunden 2026_05.csv"));
        assertEquals(".._etc_passwd", CsvReading.safeName("../etc/passwd"));
        assertEquals("a_b_.csv", CsvReading.safeName("a<b>.csv"));
        assertEquals("upload.csv", CsvReading.safeName(null));
    }
}
