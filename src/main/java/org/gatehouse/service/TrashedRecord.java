package org.gatehouse.service;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import org.gatehouse.persistence.BaseEntity;

/**
 * A deleted record of a view that keeps a trash: its values as JSON ({@link Trash} writes and
 * reads them), its title and list texts, and who deleted it when. Written once; restoring or
 * purging it deletes the row.
 */
@Entity
@Table(name = "trash")
public class TrashedRecord extends BaseEntity {

    private static final long serialVersionUID = 1L;

    @Id
    @SequenceGenerator(name = "trash_seq", sequenceName = "trash_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "trash_seq")
    private Long id;

    @Column(name = "view_name", nullable = false, length = 80, updatable = false)
    private String viewName;

    @Column(name = "entity_type", nullable = false, length = 100, updatable = false)
    private String entityType;

    @Column(name = "record_id", nullable = false, length = 64, updatable = false)
    private String recordId;

    @Column(length = 500, updatable = false)
    private String title;

    /** The title and the view's searchable fields in lower case, one a line: what the trash's search compares with. */
    @Column(name = "search_text", length = 2000, updatable = false)
    private String searchText;

    /** The record's properties as the pages show them ({@code ValueText}), by property name. */
    @Column(nullable = false, updatable = false, columnDefinition = "TEXT")
    private String shown;

    /** The record's properties as exact texts and its relations as ids: what a restore reads. */
    @Column(name = "record_data", nullable = false, updatable = false, columnDefinition = "TEXT")
    private String recordData;

    @Column(name = "deleted_by", length = 254, updatable = false)
    private String deletedBy;

    @Column(name = "deleted_at", nullable = false, updatable = false)
    private OffsetDateTime deletedAt = OffsetDateTime.now(ZoneOffset.UTC);

    protected TrashedRecord() {}

    TrashedRecord(
            String viewName,
            String entityType,
            String recordId,
            String title,
            String searchText,
            String shown,
            String recordData,
            String deletedBy) {
        this.viewName = viewName;
        this.entityType = entityType;
        this.recordId = recordId;
        this.title = title == null || title.length() <= 500 ? title : title.substring(0, 500);
        String search = searchText == null ? null : searchText.toLowerCase(Locale.ROOT);
        this.searchText = search == null || search.length() <= 2000 ? search : search.substring(0, 2000);
        this.shown = shown;
        this.recordData = recordData;
        this.deletedBy = deletedBy == null || deletedBy.length() <= 254 ? deletedBy : deletedBy.substring(0, 254);
    }

    @Override
    public Long getId() {
        return id;
    }

    public String getViewName() {
        return viewName;
    }

    public String getEntityType() {
        return entityType;
    }

    public String getRecordId() {
        return recordId;
    }

    public String getTitle() {
        return title;
    }

    String getShown() {
        return shown;
    }

    String getRecordData() {
        return recordData;
    }

    public String getDeletedBy() {
        return deletedBy;
    }

    public OffsetDateTime getDeletedAt() {
        return deletedAt;
    }
}
