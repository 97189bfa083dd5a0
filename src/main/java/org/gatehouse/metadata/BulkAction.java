package org.gatehouse.metadata;

import java.util.function.Consumer;

/**
 * A custom action run on each selected record in one transaction, e.g. "Deactivate" on users.
 *
 * @param name    the id used in requests
 * @param label   the button text
 * @param confirm the question asked before running it
 * @param change  what is done to each managed record
 */
public record BulkAction<E>(String name, String label, String confirm, Consumer<E> change) {}
