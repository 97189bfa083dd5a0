package org.gatehouse.web;

import java.io.Serializable;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.gatehouse.service.CsvTable;

/**
 * How the import page reads an uploaded CSV file: the encoding and separator the user chose
 * ({@code auto} lets {@link CsvTable} detect either). Unknown choices fall back to {@code auto}.
 */
public class CsvReading implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String AUTO = "auto";

    private String encoding = AUTO;
    private String separator = AUTO;

    /** The file's rows as the user asked them read. */
    CsvTable read(byte[] bytes) {
        Charset charset = switch (encoding) {
            case "UTF-8" -> StandardCharsets.UTF_8;
            case "windows-1252" -> CsvTable.WINDOWS_1252;
            default -> null;
        };
        Character separatorChar = switch (separator) {
            case "," -> ',';
            case ";" -> ';';
            default -> null;
        };
        return CsvTable.read(bytes, charset, separatorChar);
    }

    /** A file name safe to show and to record: letters, digits, space, dot, underscore and dash. */
    static String safeName(String uploaded) {
        return uploaded == null ? "upload.csv" : uploaded.replaceAll("[^\\p{L}\\p{N} ._-]", "_");
    }

    public String getEncoding() {
        return encoding;
    }

    public void setEncoding(String encoding) {
        this.encoding = List.of(AUTO, "UTF-8", "windows-1252").contains(encoding) ? encoding : AUTO;
    }

    public String getSeparator() {
        return separator;
    }

    public void setSeparator(String separator) {
        this.separator = List.of(AUTO, ",", ";").contains(separator) ? separator : AUTO;
    }
}
