package org.gatehouse.service;

import java.io.Serializable;
import java.nio.charset.Charset;
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
        CsvText.Decoded decoded = CsvText.decode(bytes, chosen);
        String text = decoded.text();
        char sep = separator != null ? separator : CsvRecords.guessSeparator(text);
        if (sep != ',' && sep != ';') {
            throw new IllegalArgumentException("separator " + sep);
        }
        List<String[]> records = CsvRecords.parse(text, sep);
        if (records.isEmpty() || records.get(0).length == 1 && records.get(0)[0].isBlank()) {
            throw refused("import.refused.empty");
        }
        String[] head = records.get(0);
        List<String> header = new ArrayList<>();
        for (String name : head) {
            header.add(name.strip());
        }
        return new CsvTable(List.copyOf(header), records.subList(1, records.size()), decoded.charset(), sep);
    }

    static Refused refused(String key, Serializable... arguments) {
        return new Refused(Message.of(key, arguments));
    }
}
