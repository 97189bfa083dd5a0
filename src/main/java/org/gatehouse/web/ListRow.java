package org.gatehouse.web;

import java.io.Serializable;
import java.util.List;

/**
 * One row of a list page as its table shows it: the record's id, the version it was read at,
 * and the text of each column, formatted once in Java rather than cell by cell in the page.
 * Its key ({@code id.version}) is what a selection posts back.
 */
public final class ListRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long id;
    private final long version;
    private final List<String> cells;

    public ListRow(long id, long version, List<String> cells) {
        this.id = id;
        this.version = version;
        this.cells = cells;
    }

    public long getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    /** The column texts, in the view's column order. */
    public List<String> getCells() {
        return cells;
    }

    public String getKey() {
        return id + "." + version;
    }
}
