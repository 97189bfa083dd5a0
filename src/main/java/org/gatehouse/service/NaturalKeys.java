package org.gatehouse.service;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.PropertyDescriptor;
import org.gatehouse.metadata.TextValues;

/**
 * The stored records an import's rows name by the view's natural key, when a row gives no id: the
 * keys of many rows are looked up at once, one query per {@value #KEY_CHUNK} rows, instead of one
 * query a row. Finds records in or out of the caller's reach; {@link ImportRows} tells those apart.
 * Lives for one import.
 */
final class NaturalKeys<E> {

    /** How many rows' natural keys are looked up in one query. */
    private static final int KEY_CHUNK = 500;

    private final EntityLookups lookups;
    private final EntityManager em;
    private final AdminView<E> view;
    private final PropertyDescriptor key;
    private final List<String[]> rows;
    private final int columns;
    private final int idColumn;
    private final int keyColumn;
    /** The natural keys looked up so far, and the ids of those a stored record has. */
    private final Set<Object> lookedUp = new HashSet<>();

    private final Map<Object, Object> idsByKey = new HashMap<>();

    /**
     * @param key       the natural key property, which the file maps to {@code keyColumn}
     * @param idColumn  the column of the file's ids, -1 when it has none
     */
    NaturalKeys(
            EntityLookups lookups,
            EntityManager em,
            AdminView<E> view,
            PropertyDescriptor key,
            CsvTable table,
            int idColumn,
            int keyColumn) {
        this.lookups = lookups;
        this.em = em;
        this.view = view;
        this.key = key;
        this.rows = table.rows();
        this.columns = table.header().size();
        this.idColumn = idColumn;
        this.keyColumn = keyColumn;
    }

    /**
     * The id of the record whose natural key has this value; null: none. The first call for a key
     * looks up the keys of the rows after {@code index} as well (rows that give an id are left out).
     */
    Object idOf(Object value, int index) {
        if (!lookedUp.contains(value)) {
            Set<Object> keys = new LinkedHashSet<>();
            keys.add(value);
            for (int i = index + 1; i < Math.min(rows.size(), index + KEY_CHUNK); i++) {
                String[] cells = rows.get(i);
                if (cells.length == columns
                        && (idColumn < 0
                                || ImportColumns.undefused(cells[idColumn]).isBlank())) {
                    try {
                        Object next = ImportColumns.value(cells[keyColumn], key);
                        if (next != null && !lookedUp.contains(next)) {
                            keys.add(next);
                        }
                    } catch (TextValues.Unreadable e) {
                        // reported when its row is read
                    }
                }
            }
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Object[]> query = cb.createQuery(Object[].class);
            Root<E> root = query.from(view.type());
            query.multiselect(root.get(key.name()), root.get(lookups.idName(view.type())))
                    .where(root.get(key.name()).in(keys));
            em.createQuery(query).getResultList().forEach(row -> idsByKey.put(row[0], row[1]));
            lookedUp.addAll(keys);
        }
        return idsByKey.get(value);
    }
}
