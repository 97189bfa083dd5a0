package org.gatehouse.service;

import static org.gatehouse.service.CsvTable.MAX_COLUMNS;
import static org.gatehouse.service.CsvTable.MAX_ROWS;
import static org.gatehouse.service.CsvTable.refused;

import java.util.ArrayList;
import java.util.List;

/**
 * The records of a CSV text for {@link CsvTable}: RFC 4180 quoting (a quoted cell may hold
 * separators, doubled quotes and line breaks), the separator the header line uses more, and the
 * limits on columns and rows, refused with the line where they are broken. Pure.
 */
final class CsvRecords {

    private CsvRecords() {}

    /** The separator the first line uses more often outside quotes; a comma when neither. */
    static char guessSeparator(String text) {
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }

    /** The records of the text; a line with nothing on it is no record. */
    static List<String[]> parse(String text, char separator) {
        List<String[]> records = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        int i = 0;
        int length = text.length();
        boolean cellStarted = false;
        while (i < length) {
            char c = text.charAt(i);
            if (c == '"' && cell.length() == 0 && !cellStarted) {
                // a quoted cell: up to the quote that is not doubled
                int start = line;
                i++;
                while (true) {
                    if (i >= length) {
                        throw refused("import.refused.quote", start);
                    }
                    char q = text.charAt(i);
                    if (q == '"') {
                        if (i + 1 < length && text.charAt(i + 1) == '"') {
                            cell.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    if (q == '\n' || q == '\r' && (i + 1 >= length || text.charAt(i + 1) != '\n')) {
                        line++;
                    }
                    cell.append(q);
                    i++;
                }
                cellStarted = true;
                if (i < length && text.charAt(i) != separator && text.charAt(i) != '\r' && text.charAt(i) != '\n') {
                    throw refused("import.refused.quote", start);
                }
                continue;
            }
            if (c == separator) {
                cells.add(cell.toString());
                cell.setLength(0);
                cellStarted = false;
                checkColumns(cells.size());
                i++;
                continue;
            }
            if (c == '\r' || c == '\n') {
                i += c == '\r' && i + 1 < length && text.charAt(i + 1) == '\n' ? 2 : 1;
                endRecord(records, cells, cell, cellStarted, recordLine);
                cellStarted = false;
                line++;
                recordLine = line;
                continue;
            }
            cell.append(c);
            cellStarted = true;
            i++;
        }
        endRecord(records, cells, cell, cellStarted, recordLine);
        return records;
    }

    private static void endRecord(
            List<String[]> records, List<String> cells, StringBuilder cell, boolean cellStarted, int line) {
        if (cells.isEmpty() && cell.length() == 0 && !cellStarted) {
            return; // an empty line
        }
        cells.add(cell.toString());
        checkColumns(cells.size());
        if (records.size() > MAX_ROWS) {
            throw refused("import.refused.tooManyRows", MAX_ROWS);
        }
        records.add(cells.toArray(String[]::new));
        cells.clear();
        cell.setLength(0);
    }

    private static void checkColumns(int columns) {
        if (columns > MAX_COLUMNS) {
            throw refused("import.refused.tooManyColumns", MAX_COLUMNS);
        }
    }
}
