package org.gatehouse.web;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The import page's hold on an uploaded file: the token {@link ImportUploads} keeps it under, its
 * name and header, and the field the user chose for each column. The file itself stays on the node.
 */
public class HeldImport implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String token;
    private final String fileName;
    private final List<String> header;
    private final String[] mapping;

    HeldImport(String token, String fileName, List<String> header, List<String> suggested) {
        this.token = token;
        this.fileName = fileName;
        this.header = new ArrayList<>(header);
        this.mapping = suggested.toArray(String[]::new);
    }

    String token() {
        return token;
    }

    /** The chosen field of each column; null for a column left out. */
    List<String> chosenMapping() {
        return Arrays.stream(mapping)
                .map(m -> m == null || m.isEmpty() ? null : m)
                .toList();
    }

    public String getFileName() {
        return fileName;
    }

    public List<String> getHeader() {
        return header;
    }

    /** Bound to the page's menus, one per column. */
    public String[] getMapping() {
        return mapping;
    }
}
