package org.gatehouse.web;

import java.io.Serializable;
import java.util.List;

/**
 * One row of a list page as its table shows it: the record's id, the version it was read at, its
 * title (what its selection checkbox is named after) and each column's cell, formatted once in
 * Java rather than cell by cell in the page. Its key ({@code id.version}) is what a selection
 * posts back.
 */
public final class ListRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long id;
    private final long version;
    private final String title;
    private final List<ListCell> cells;

    public ListRow(long id, long version, String title, List<ListCell> cells) {
        this.id = id;
        this.version = version;
        this.title = title;
        this.cells = cells;
    }

    public long getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    /** The record's title, or {@code #id} when it has none. */
    public String getTitle() {
        return title == null || title.isBlank() ? "#" + id : title;
    }

    /** The cells, in the view's column order. */
    public List<ListCell> getCells() {
        return cells;
    }

    public String getKey() {
        return id + "." + version;
    }
}
