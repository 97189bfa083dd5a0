package org.gatehouse.audit;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.gatehouse.metadata.JsonTexts;

/**
 * An audit entry as the History tab shows it: one line per changed field, and the entry's id,
 * which its Revert and Restore links name.
 */
public record HistoryItem(Long id, OffsetDateTime at, String actor, AuditAction action, List<FieldChange> changes)
        implements Serializable {

    /** One field's change; secrets read "changed" with no values. */
    public record FieldChange(String field, String before, String after) implements Serializable {}

    /** The same entry without the changes of the given fields (those hidden from the reader). */
    public HistoryItem without(java.util.Set<String> fields) {
        return fields.isEmpty()
                ? this
                : new HistoryItem(
                        id,
                        at,
                        actor,
                        action,
                        changes.stream()
                                .filter(c -> !fields.contains(c.field()))
                                .toList());
    }

    public static HistoryItem of(AuditEntry entry) {
        return new HistoryItem(
                entry.getId(), entry.getAt(), entry.getActor(), entry.getAction(), parse(entry.getChanges()));
    }

    static List<FieldChange> parse(String json) {
        List<FieldChange> changes = new ArrayList<>();
        if (json == null || json.isBlank()) {
            return changes;
        }
        try (JsonReader reader = JsonTexts.reader(json)) {
            JsonObject object = reader.readObject();
            object.forEach((field, value) -> {
                if (value instanceof JsonObject change) {
                    changes.add(new FieldChange(field, text(change.get("old")), text(change.get("new"))));
                } else {
                    changes.add(new FieldChange(field, null, text(value)));
                }
            });
        }
        return changes;
    }

    private static String text(JsonValue value) {
        if (value == null || value == JsonValue.NULL) {
            return "";
        }
        return value instanceof JsonString string ? string.getString() : value.toString();
    }
}
