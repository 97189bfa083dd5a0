-- Single-use password reset links. Only a hash of each token is stored.
CREATE SEQUENCE password_resets_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE password_resets (
    id         BIGINT                   NOT NULL PRIMARY KEY,
    user_id    BIGINT                   NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash VARCHAR(64)              NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE,
    version    BIGINT                   NOT NULL DEFAULT 0,
    CONSTRAINT password_resets_token_uk UNIQUE (token_hash)
);
CREATE INDEX password_resets_user_idx ON password_resets (user_id);
