package org.gatehouse.service;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gatehouse.metadata.JsonTexts;
import org.gatehouse.service.RecordHistory.Mode;

/**
 * The changes audit entries recorded, as {@link RecordHistory} reads them to revert: each field's
 * old and new text, the ids a relation named, and which fields were secrets (recorded as changed,
 * never with a value). Pure.
 */
final class RecordedChanges {

    private RecordedChanges() {}

    /** One field as an entry recorded it; a secret has neither value. */
    record Recorded(String old, String now, String oldRef, String newRef, boolean referenced, boolean secret) {}

    /** An entry's changed fields; notes ({@code @action}, {@code @revertOf}) are not fields. */
    static Map<String, Recorded> parse(String json) {
        Map<String, Recorded> fields = new LinkedHashMap<>();
        if (json == null || json.isBlank()) {
            return fields;
        }
        try (JsonReader reader = JsonTexts.reader(json)) {
            JsonValue parsed = reader.readValue();
            if (!(parsed instanceof JsonObject object)) {
                return fields;
            }
            object.forEach((field, value) -> {
                if (field.startsWith("@")) {
                    return;
                }
                if (value instanceof JsonObject change) {
                    fields.put(
                            field,
                            new Recorded(
                                    text(change.get("old")),
                                    text(change.get("new")),
                                    text(change.get("oldRef")),
                                    text(change.get("newRef")),
                                    change.containsKey("oldRef") || change.containsKey("newRef"),
                                    false));
                } else {
                    // recorded as "changed", never with a value: a secret
                    fields.put(field, new Recorded(null, null, null, null, false, true));
                }
            });
        } catch (jakarta.json.JsonException e) {
            return new LinkedHashMap<>();
        }
        return fields;
    }

    private static String text(JsonValue value) {
        if (value == null || value == JsonValue.NULL) {
            return "";
        }
        return value instanceof JsonString string ? string.getString() : value.toString();
    }

    /**
     * The recorded state a field goes back to: before the entry for a change; for a version, what
     * the last entry up to it wrote, or else what the first entry after it found. Empty when no
     * entry says (the field has not changed since: it stays).
     */
    static Optional<Recorded> target(List<Map<String, Recorded>> changes, int at, String field, Mode mode) {
        if (mode == Mode.CHANGE) {
            return Optional.ofNullable(changes.get(at).get(field));
        }
        for (int i = at; i >= 0; i--) {
            Recorded recorded = changes.get(i).get(field);
            if (recorded != null) {
                return Optional.of(
                        recorded.secret()
                                ? recorded
                                : new Recorded(
                                        recorded.now(),
                                        recorded.now(),
                                        recorded.newRef(),
                                        recorded.newRef(),
                                        recorded.referenced(),
                                        false));
            }
        }
        for (int i = at + 1; i < changes.size(); i++) {
            Recorded recorded = changes.get(i).get(field);
            if (recorded != null) {
                return Optional.of(recorded);
            }
        }
        return Optional.empty();
    }
}
