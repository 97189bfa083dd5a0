package org.gatehouse.web;

import java.io.Serializable;

/**
 * One cell of a list page as its table shows it: the text, the tooltip that completes it (the
 * whole of a truncated text, the exact moment of a relative time) and how it is drawn (a badge,
 * truncated). Made once per cell in Java, so the page only writes them out.
 *
 * @param text       what the cell reads
 * @param title      the tooltip, or {@code null} for none
 * @param styleClass the CSS classes of the cell's text, or {@code null}
 */
public record ListCell(String text, String title, String styleClass) implements Serializable {

    public static final ListCell EMPTY = new ListCell("", null, null);

    public static ListCell of(String text) {
        return new ListCell(text == null ? "" : text, null, null);
    }
}
