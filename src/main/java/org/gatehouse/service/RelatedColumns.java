package org.gatehouse.service;

import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.Root;
import java.util.Collection;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.PropertyAccess;
import org.gatehouse.metadata.PropertyDescriptor;
import org.gatehouse.metadata.PropertyKind;

/**
 * How the relations a list shows are read with its rows ({@link EntityQuery}), so that a page or
 * an export batch costs one or two queries, never one a row: to-one columns joined in, to-many
 * columns batched into one extra query.
 */
final class RelatedColumns {

    private RelatedColumns() {}

    /** To-one columns are read with the rows they belong to. */
    static void fetchToOne(AdminView<?> view, Root<?> root) {
        for (PropertyDescriptor column : view.columns()) {
            if (column.kind() == PropertyKind.TO_ONE) {
                root.fetch(column.name(), JoinType.LEFT);
            }
        }
    }

    /** To-many columns are read for all rows in one extra query instead of one per row. */
    static void batchToMany(AdminView<?> view, TypedQuery<?> query) {
        for (PropertyDescriptor column : view.columns()) {
            if (column.kind() == PropertyKind.TO_MANY) {
                query.setHint("eclipselink.batch.type", "IN");
                query.setHint("eclipselink.batch", "e." + column.name());
            }
        }
    }

    /** Touches to-many columns so that they are loaded before the rows leave the transaction. */
    static <E> void loadToMany(AdminView<E> view, E row) {
        for (PropertyDescriptor column : view.columns()) {
            if (column.kind() == PropertyKind.TO_MANY) {
                Object value = PropertyAccess.get(row, column.name());
                if (value instanceof Collection<?> collection) {
                    collection.size();
                }
            }
        }
    }
}
