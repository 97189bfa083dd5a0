package org.gatehouse.web;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gatehouse.audit.AuditAction;
import org.gatehouse.service.RecordHistory;

/**
 * A revert preview as the details page's address names it, {@code ?revert=123&mode=change}: the
 * History entry and the kind of revert.
 */
record RevertAddress(long entryId, RecordHistory.Mode mode) {

    private static final String ENTRY = "revert";
    private static final String MODE = "mode";

    /** The kinds of revert as the address names them. */
    private static final Map<String, RecordHistory.Mode> MODES =
            Map.of("change", RecordHistory.Mode.CHANGE, "version", RecordHistory.Mode.VERSION);

    /** The History entries a revert may undo: a record's creation and its edits, one by one or in bulk. */
    private static final Set<AuditAction> REVERTIBLE =
            Set.of(AuditAction.CREATE, AuditAction.UPDATE, AuditAction.BULK_ACTION);

    /** Whether the address asks for a preview at all (it names an entry, however badly). */
    static boolean asked(Map<String, String> query) {
        return query.containsKey(ENTRY);
    }

    /** The address's preview; empty for an entry that is not an id or a kind that is not one (a bad request). */
    static Optional<RevertAddress> parse(Map<String, String> query) {
        return parse(query.get(ENTRY), query.get(MODE));
    }

    static Optional<RevertAddress> parse(String entry, String mode) {
        if (entry == null || !entry.matches("\\d{1,18}") || mode == null || !MODES.containsKey(mode)) {
            return Optional.empty();
        }
        return Optional.of(new RevertAddress(Long.parseLong(entry), MODES.get(mode)));
    }

    /** What the address asked for, for the log of a bad request. */
    static String describe(Map<String, String> query) {
        return query.get(ENTRY) + " as " + query.get(MODE);
    }

    /** Whether an entry of this kind may be reverted. */
    static boolean revertible(AuditAction action) {
        return REVERTIBLE.contains(action);
    }
}
