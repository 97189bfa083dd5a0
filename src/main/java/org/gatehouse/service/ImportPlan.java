package org.gatehouse.service;

import java.io.Serializable;
import java.util.List;
import org.gatehouse.i18n.Message;

/**
 * What an import did or would do: how many rows it creates, updates, leaves unchanged, finds in
 * error (and skips, when told to), and the rows a page shows, each with its outcome and problems.
 * Small: a page keeps it, the parsed file stays on the node.
 */
public record ImportPlan(
        String fileName,
        int rows,
        int created,
        int updated,
        int unchanged,
        int errors,
        int skipped,
        boolean applied,
        List<Row> shown)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The most rows a plan carries for the page; the counts cover all. */
    public static final int SHOWN = 100;

    /** What happens to one row. */
    public enum Outcome {
        CREATE,
        UPDATE,
        UNCHANGED,
        ERROR
    }

    /**
     * Why a row cannot be imported: the property (null: the whole row) and the text, either a
     * message of the bundles or, for Bean Validation, the constraint's own message.
     */
    public record Problem(String field, Message message, String constraint) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** One data row: its number in the file (the header is row 1), outcome, record id and problems. */
    public record Row(int number, Outcome outcome, String id, List<Problem> problems) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    public boolean hasErrors() {
        return errors > 0;
    }
}
