package org.gatehouse.service;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.gatehouse.i18n.Message;

/**
 * An uploaded CSV file read into a header and rows of cells: RFC 4180 quoting (a quoted cell may
 * hold separators, doubled quotes and line breaks), {@code ,} or {@code ;} as separator (given, or
 * the one the header line uses more), UTF-8 (with or without a byte order mark) or windows-1252
 * (given, or found when the bytes are no valid UTF-8). Nothing in a cell is evaluated: cells are
 * texts. A file that is too big, binary, wrongly encoded or beyond the limits is refused with a
 * {@link Refused} that says why, before anything is written.
 */
public final class CsvTable implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The largest file read, in bytes. */
    public static final int MAX_BYTES = 20 * 1024 * 1024;
    /** The most columns a file may have. */
    public static final int MAX_COLUMNS = 200;
    /** The most data rows (without the header) a file may have. */
    public static final int MAX_ROWS = 200_000;

    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** Why a file cannot be read, in the reader's language. */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final Message text;

        Refused(Message text) {
            super(text.toString());
            this.text = text;
        }

        public Message getText() {
            return text;
        }
    }

    private final List<String> header;
    private final List<String[]> rows;
    private final Charset charset;
    private final char separator;

    private CsvTable(List<String> header, List<String[]> rows, Charset charset, char separator) {
        this.header = header;
        this.rows = rows;
        this.charset = charset;
        this.separator = separator;
    }

    /** The header row's cells, in order. */
    public List<String> header() {
        return header;
    }

    /** The data rows; a row may have more or fewer cells than the header. */
    public List<String[]> rows() {
        return rows;
    }

    public Charset charset() {
        return charset;
    }

    public char separator() {
        return separator;
    }

    /**
     * Reads a file.
     *
     * @param chosen    the encoding the user chose, or {@code null} to find it
     * @param separator {@code ','} or {@code ';'}, or {@code null} to find it
     * @throws Refused when the file cannot be read as a table
     */
    public static CsvTable read(byte[] bytes, Charset chosen, Character separator) {
        if (bytes == null || bytes.length == 0) {
            throw refused("import.refused.empty");
        }
        if (bytes.length > MAX_BYTES) {
            throw refused("import.refused.tooLarge", MAX_BYTES / (1024 * 1024));
        }
        Decoded decoded = decode(bytes, chosen);
        String text = decoded.text();
        Charset charset = decoded.charset();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\r' && c != '\n' || c == 0x7F) {
                // NUL and other control characters: a spreadsheet, an image or an archive, never text
                throw refused("import.refused.binary");
            }
        }
        char sep = separator != null ? separator : guessSeparator(text);
        if (sep != ',' && sep != ';') {
            throw new IllegalArgumentException("separator " + sep);
        }
        List<String[]> records = parse(text, sep);
        if (records.isEmpty() || records.get(0).length == 1 && records.get(0)[0].isBlank()) {
            throw refused("import.refused.empty");
        }
        String[] head = records.get(0);
        List<String> header = new ArrayList<>();
        for (String name : head) {
            header.add(name.strip());
        }
        return new CsvTable(List.copyOf(header), records.subList(1, records.size()), charset, sep);
    }

    private record Decoded(String text, Charset charset) {}

    private static Decoded decode(byte[] bytes, Charset chosen) {
        int skip = 0;
        Charset charset = chosen;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            if (chosen != null && !StandardCharsets.UTF_8.equals(chosen)) {
                throw refused("import.refused.encoding", chosen.displayName());
            }
            charset = StandardCharsets.UTF_8;
            skip = 3;
        } else if (chosen == null) {
            charset = isUtf8(bytes) ? StandardCharsets.UTF_8 : WINDOWS_1252;
        }
        for (int i = skip; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw refused("import.refused.binary");
            }
        }
        try {
            return new Decoded(
                    charset.newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip))
                            .toString(),
                    charset);
        } catch (CharacterCodingException e) {
            throw chosen == null
                    ? refused("import.refused.unknownEncoding")
                    : refused("import.refused.encoding", chosen.displayName());
        }
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

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
    private static List<String[]> parse(String text, char separator) {
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

    private static Refused refused(String key, Serializable... arguments) {
        return new Refused(Message.of(key, arguments));
    }
}
