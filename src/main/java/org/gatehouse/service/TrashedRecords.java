package org.gatehouse.service;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gatehouse.i18n.Message;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.JsonTexts;
import org.gatehouse.metadata.PlainText;
import org.gatehouse.metadata.PropertyAccess;
import org.gatehouse.metadata.PropertyDescriptor;
import org.gatehouse.metadata.PropertyKind;
import org.gatehouse.metadata.RowScope;
import org.gatehouse.metadata.StoredValues;
import org.gatehouse.metadata.TextValues;
import org.gatehouse.metadata.ValueText;
import org.gatehouse.persistence.BaseEntity;

/**
 * How a record is kept in the {@link Trash} and read back: its values as exact texts
 * ({@link StoredValues}), its relations as the ids they named, the texts the trash page shows and
 * searches; and the record rebuilt from them, its relations as they are now. No permission checks:
 * {@link Trash} makes them before it calls these.
 */
final class TrashedRecords {

    private static final java.util.logging.Logger LOG =
            java.util.logging.Logger.getLogger(TrashedRecords.class.getName());

    private TrashedRecords() {}

    /** The trash entry of a record about to be deleted, by the given user; the caller persists it. */
    static <E> TrashedRecord entry(AdminView<E> view, E entity, String deletedBy) {
        Object title = PropertyAccess.get(entity, view.titleProperty());
        JsonObjectBuilder shown = JsonTexts.object();
        Map<String, String> texts = ValueText.snapshot(view, entity);
        texts.forEach(shown::add);
        StringBuilder search = new StringBuilder(title == null ? "" : title.toString());
        view.searchable().forEach(property -> search.append('\n').append(texts.getOrDefault(property.name(), "")));
        JsonObjectBuilder values = JsonTexts.object();
        StoredValues.of(view, entity).forEach((name, text) -> {
            if (text == null) {
                values.addNull(name);
            } else {
                values.add(name, text);
            }
        });
        JsonObjectBuilder references = JsonTexts.object();
        ValueText.references(view, entity).forEach(references::add);
        String data = JsonTexts.object()
                .add("values", values)
                .add("references", references)
                .build()
                .toString();
        return new TrashedRecord(
                view.name(),
                view.type().getSimpleName(),
                String.valueOf(((BaseEntity) entity).getId()),
                title == null ? null : title.toString(),
                search.toString(),
                shown.build().toString(),
                data,
                deletedBy);
    }

    /** The LIKE pattern of a search ("" for none), or null for a text no page sends. */
    static String pattern(String search) {
        if (search == null || search.isBlank()) {
            return "";
        }
        if (search.length() > 200 || PlainText.hasForbiddenCharacters(search, false)) {
            return null;
        }
        String escaped = search.strip()
                .toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_");
        return "%" + escaped + "%";
    }

    static Trash.Item item(TrashedRecord row, Set<String> hidden, boolean titleHidden) {
        Map<String, String> shown = new LinkedHashMap<>();
        JsonObject json = read(row.getShown());
        json.forEach((name, value) -> {
            if (!hidden.contains(name)
                    && !hidden.contains(name.split("\\.")[0])
                    && value instanceof jakarta.json.JsonString text) {
                shown.put(name, text.getString());
            }
        });
        return new Trash.Item(
                row.getId(),
                row.getRecordId(),
                titleHidden ? null : row.getTitle(),
                shown,
                row.getDeletedBy(),
                row.getDeletedAt());
    }

    /** The record as it was deleted, its relations as they are now; a related record that is gone is a refusal. */
    static <E> E rebuild(EntityManager em, EntityLookups lookups, AdminView<E> view, TrashedRecord row, String title) {
        JsonObject data = read(row.getRecordData());
        JsonObject values = data.getJsonObject("values");
        JsonObject references = data.getJsonObject("references");
        E entity = WriteSteps.blank(view);
        PropertyAccess.set(
                entity, lookups.idName(view.type()), EntityLookups.parseId(view.idType(), row.getRecordId()));
        for (PropertyDescriptor property : view.properties().values()) {
            String name = property.name();
            try {
                if (property.isRelation() && references != null && references.containsKey(name)) {
                    PropertyAccess.set(entity, name, related(em, property, references.getString(name, ""), title));
                } else if (StoredValues.stored(property) && values != null && values.containsKey(name)) {
                    JsonValue value = values.get(name);
                    PropertyAccess.set(
                            entity,
                            name,
                            StoredValues.parse(
                                    value == JsonValue.NULL ? null : values.getString(name), property.javaType()));
                }
            } catch (IllegalArgumentException | ClassCastException e) {
                LOG.warning(
                        () -> "Trash entry " + row.getId() + ": " + name + " cannot be read back: " + e.getMessage());
                throw new WriteException(name, Message.of("trash.unreadable", title));
            }
        }
        return entity;
    }

    private static Object related(EntityManager em, PropertyDescriptor property, String references, String title) {
        List<String> ids = TextValues.ids(references);
        Class<?> type = property.javaType();
        Class<?> idType = em.getMetamodel().entity(type).getIdType().getJavaType();
        Set<Object> found = new LinkedHashSet<>();
        for (String id : ids) {
            Object one;
            try {
                one = em.find(type, EntityLookups.parseId(idType, id));
            } catch (NumberFormatException e) {
                one = null;
            }
            if (one == null) {
                throw new WriteException(property.name(), Message.of("trash.relatedGone", title));
            }
            found.add(one);
        }
        if (property.kind() == PropertyKind.TO_MANY) {
            return found;
        }
        return found.isEmpty() ? null : found.iterator().next();
    }

    /** Whether every condition of the scopes holds for a record rebuilt from the trash. */
    static boolean inScope(Object entity, org.gatehouse.metadata.ViewRules rules, Map<String, Object> user) {
        for (RowScope scope : rules.scopes()) {
            for (RowScope.Condition condition : scope.conditions()) {
                if (!holds(entity, condition, user)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean holds(Object entity, RowScope.Condition condition, Map<String, Object> user) {
        Object expected = condition.value(user);
        if (expected == null) {
            return false;
        }
        Object value = entity;
        for (String step : condition.path().split("\\.")) {
            if (value == null) {
                return false;
            }
            value = PropertyAccess.get(value, step);
        }
        if (value instanceof BaseEntity related) {
            value = related.getId();
        }
        if (value instanceof BigDecimal decimal) {
            try {
                return decimal.compareTo(new BigDecimal(expected.toString())) == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return value != null && StoredValues.text(value).equals(expected.toString());
    }

    /** The audit changes with the trash entry's id as a note. */
    static String withNote(String changes, long trashId) {
        JsonObjectBuilder json = JsonTexts.object(read(changes));
        return json.add(Trash.NOTE, String.valueOf(trashId)).build().toString();
    }

    static JsonObject read(String json) {
        try (var reader = JsonTexts.reader(json)) {
            return reader.readObject();
        }
    }
}
