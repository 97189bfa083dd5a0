-- Two more roles for per-view permissions: editors work on the shop's data, viewers only read it.
INSERT INTO roles (id, name, description, version) VALUES
    (nextval('roles_seq'), 'editor', 'Views, creates and edits shop data; cannot delete or manage access', 0);
INSERT INTO roles (id, name, description, version) VALUES
    (nextval('roles_seq'), 'viewer', 'Reads shop data; cannot change anything or see users and roles', 0);
