-- Users, roles and their link. Emails are stored lower-cased by the application,
-- so the unique constraint is also a case-insensitive one.
CREATE SEQUENCE users_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE roles_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE users (
    id            BIGINT                   NOT NULL PRIMARY KEY,
    email         VARCHAR(254)             NOT NULL,
    password_hash VARCHAR(512)             NOT NULL,
    active        BOOLEAN                  NOT NULL DEFAULT TRUE,
    confirmed_at  TIMESTAMP WITH TIME ZONE,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    version       BIGINT                   NOT NULL DEFAULT 0,
    CONSTRAINT users_email_uk UNIQUE (email),
    CONSTRAINT users_email_lower_ck CHECK (email = LOWER(email))
);

CREATE TABLE roles (
    id          BIGINT       NOT NULL PRIMARY KEY,
    name        VARCHAR(80)  NOT NULL,
    description VARCHAR(255),
    version     BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT roles_name_uk UNIQUE (name)
);

CREATE TABLE users_roles (
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role_id BIGINT NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, role_id)
);
CREATE INDEX users_roles_role_idx ON users_roles (role_id);

INSERT INTO roles (id, name, description, version) VALUES
    (nextval('roles_seq'), 'admin', 'Full access to every admin view, users and roles', 0);
