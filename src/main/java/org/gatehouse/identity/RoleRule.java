package org.gatehouse.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.gatehouse.persistence.BaseEntity;

/**
 * A role's rules for one view as an admin set them on the role's Permissions tab: its row scope
 * and the properties hidden from or read-only for its holders (comma-separated). They replace
 * what the view's declaration gives the role; configuration replaces both.
 */
@Entity
@Table(name = "role_rules")
public class RoleRule extends BaseEntity {

    private static final long serialVersionUID = 1L;

    @Id
    @SequenceGenerator(name = "role_rules_seq", sequenceName = "role_rules_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "role_rules_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "role_id")
    private Role role;

    @Column(name = "view_name", nullable = false, length = 80)
    private String viewName;

    @Column(name = "row_scope", length = 500)
    private String rowScope;

    @Column(name = "hidden_fields", length = 2000)
    private String hiddenFields;

    @Column(name = "read_only_fields", length = 2000)
    private String readOnlyFields;

    /** Granted operations (VIEW, CREATE, EDIT, DELETE), comma-separated; null: as the view declares. */
    @Column(length = 100)
    private String operations;

    /** Granted bulk actions by name, comma-separated; null: as the view declares. */
    @Column(length = 1000)
    private String actions;

    @Column(name = "changed_at", nullable = false)
    private OffsetDateTime changedAt;

    @Column(name = "changed_by", length = 254)
    private String changedBy;

    protected RoleRule() {}

    public RoleRule(Role role, String viewName) {
        this.role = role;
        this.viewName = viewName;
    }

    @Override
    public Long getId() {
        return id;
    }

    public Role getRole() {
        return role;
    }

    public String getViewName() {
        return viewName;
    }

    public String getRowScope() {
        return rowScope;
    }

    public String getHiddenFields() {
        return hiddenFields;
    }

    public String getReadOnlyFields() {
        return readOnlyFields;
    }

    public OffsetDateTime getChangedAt() {
        return changedAt;
    }

    public String getChangedBy() {
        return changedBy;
    }

    public String getOperations() {
        return operations;
    }

    public String getActions() {
        return actions;
    }

    /**
     * Replaces the granted operations and actions; null keeps the view's declaration for them, an
     * empty text grants none.
     */
    public void grant(String operations, String actions, String by) {
        this.operations = operations == null ? null : operations.strip();
        this.actions = actions == null ? null : actions.strip();
        this.changedBy = by;
        this.changedAt = OffsetDateTime.now(java.time.ZoneOffset.UTC);
    }

    /** Replaces the rules; blank texts are stored as none. */
    public void change(String scope, String hidden, String readOnly, String by) {
        this.rowScope = blankToNull(scope);
        this.hiddenFields = blankToNull(hidden);
        this.readOnlyFields = blankToNull(readOnly);
        this.changedBy = by;
        this.changedAt = OffsetDateTime.now(java.time.ZoneOffset.UTC);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
