package org.gatehouse.service;

import java.io.Serializable;
import java.util.List;

/**
 * What deleting records would meet: the records of other entities that point at them, and
 * whether the database refuses the delete because of them. A reference the model cascades (the
 * link rows of a many-to-many relation, or a foreign key declared {@code ON DELETE CASCADE}) goes
 * with the record and does not block it.
 */
public record DeleteCheck(List<Usage> usages) implements Serializable {

    /** The count of a usage in records the caller may not read: shown without a number. */
    public static final long UNCOUNTED = -1;

    public static final DeleteCheck NONE = new DeleteCheck(List.of());

    public DeleteCheck {
        usages = List.copyOf(usages);
    }

    /** What happens to the referring records when the referenced one is deleted. */
    public enum Effect {
        /** They stay and lose the reference (link rows removed, the reference cleared). */
        UNLINKS,
        /** They are deleted with it. */
        DELETES,
        /** The database refuses the delete while they exist. */
        BLOCKS
    }

    /**
     * How many records of one kind point at the records to delete.
     *
     * @param label         the referring view's plural label (or bundle key); the entity's name without a view
     * @param singularLabel its singular label (or bundle key)
     * @param count         how many distinct records point at them
     * @param effect        what the delete does to them, or whether it is refused
     */
    public record Usage(String label, String singularLabel, long count, Effect effect) implements Serializable {

        public boolean blocks() {
            return effect == Effect.BLOCKS;
        }
    }

    /** Whether the delete would be refused: the page offers no Delete then, only the explanation. */
    public boolean blocked() {
        return usages.stream().anyMatch(Usage::blocks);
    }

    public boolean isEmpty() {
        return usages.isEmpty();
    }

    /** The usages that block the delete. */
    public List<Usage> blocking() {
        return usages.stream().filter(Usage::blocks).toList();
    }

    /** The usages that go with the delete (links removed, records deleted with it). */
    public List<Usage> cascading() {
        return usages.stream().filter(usage -> !usage.blocks()).toList();
    }

    /** The usages of one effect, e.g. the records deleted with it. */
    public List<Usage> with(Effect effect) {
        return usages.stream().filter(usage -> usage.effect() == effect).toList();
    }
}
