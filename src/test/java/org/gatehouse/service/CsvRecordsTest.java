package org.gatehouse.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parts of reading a CSV file: its text and encoding, the separator, the records. */
class CsvRecordsTest {

    @Test
    void theSeparatorIsTheOneTheFirstLineUsesMoreOutsideQuotes() {
        assertEquals(';', CsvRecords.guessSeparator("a;b;c,d\n1,2,3,4,5"));
        assertEquals(',', CsvRecords.guessSeparator("\"a;b;c\",d\n"));
        assertEquals(',', CsvRecords.guessSeparator("name\n;;;"));
    }

    @Test
    void emptyLinesAreNoRecordsAndQuotedLineBreaksStayInTheCell() {
        List<String[]> records = CsvRecords.parse("a,b\r\n\r\n\"x\ny\",\n", ',');
        assertEquals(2, records.size());
        assertArrayEquals(new String[] {"x\ny", ""}, records.get(1));
    }

    @Test
    void aByteOrderMarkIsSkippedAndControlCharactersAreRefused() {
        byte[] marked = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', '\t', 'b'};
        CsvText.Decoded decoded = CsvText.decode(marked, null);
        assertEquals("a\tb", decoded.text());
        assertEquals(StandardCharsets.UTF_8, decoded.charset());
        assertEquals(
                "import.refused.binary",
                assertThrows(CsvTable.Refused.class, () -> CsvText.decode(new byte[] {'a', 0x07}, null))
                        .getText()
                        .key());
    }
}
