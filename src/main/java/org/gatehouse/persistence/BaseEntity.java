package org.gatehouse.persistence;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.util.Objects;

/**
 * Root of every entity Gatehouse edits: a numeric id and an optimistic-lock version.
 * The version has no setter; forms carry it back through {@link #checkVersion(long)}.
 */
@MappedSuperclass
public abstract class BaseEntity implements Serializable {

    private static final long serialVersionUID = 1L;

    @Version
    private long version;

    public abstract Long getId();

    public long getVersion() {
        return version;
    }

    public boolean isNew() {
        return getId() == null;
    }

    /**
     * Equal when both are persisted rows of the same entity class with the same id.
     * Class comparison uses {@code getClass()} of both sides so lazy proxies of the same type match.
     */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof BaseEntity that) || getId() == null) {
            return false;
        }
        return getClass() == that.getClass() && Objects.equals(getId(), that.getId());
    }

    @Override
    public int hashCode() {
        return getClass().hashCode();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "#" + getId();
    }
}
