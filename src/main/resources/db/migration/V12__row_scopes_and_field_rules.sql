-- Row scopes and field rules per role and view, as admins edit them on a role's Permissions tab
-- (a view's declaration gives the defaults; configuration overrides both).
CREATE TABLE role_rules (
    id               BIGINT                   NOT NULL PRIMARY KEY,
    role_id          BIGINT                   NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
    view_name        VARCHAR(80)              NOT NULL,
    row_scope        VARCHAR(500),
    hidden_fields    VARCHAR(2000),
    read_only_fields VARCHAR(2000),
    changed_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_by       VARCHAR(254),
    version          BIGINT                   NOT NULL,
    CONSTRAINT role_rules_role_view UNIQUE (role_id, view_name)
);
CREATE SEQUENCE role_rules_seq START WITH 1 INCREMENT BY 50;

-- What scopes compare with: the country a user works for.
ALTER TABLE users ADD COLUMN country VARCHAR(2);

-- A scoped customers list reads one country's customers in name order from an index.
CREATE INDEX customers_country_name_idx ON customers (country, name);

-- The demo shop's support role: narrowed to the customers and orders of the user's own country,
-- without order totals (see DemoAdminViews). It grants nothing by itself.
INSERT INTO roles (id, name, description, version) VALUES
    (nextval('roles_seq'), 'support', 'Narrows access to the customers and orders of the user''s country; hides order totals', 0);
