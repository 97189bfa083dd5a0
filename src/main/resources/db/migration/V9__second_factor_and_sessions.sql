-- Second factor (TOTP): the shared key, encrypted by the application; the last step whose code
-- was accepted, so that a code is accepted once.
ALTER TABLE users ADD COLUMN totp_secret VARCHAR(255);
ALTER TABLE users ADD COLUMN totp_enabled_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE users ADD COLUMN totp_last_step BIGINT NOT NULL DEFAULT 0;

-- Single-use recovery codes; only a hash of each is stored.
CREATE TABLE recovery_codes (
    user_id   BIGINT                   NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash VARCHAR(64)              NOT NULL,
    used_at   TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (user_id, code_hash)
);

-- Signed-in sessions, so that a user (or an admin) can see and end them on any node.
CREATE TABLE user_sessions (
    id           VARCHAR(36)              NOT NULL PRIMARY KEY,
    user_id      BIGINT                   NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at TIMESTAMP WITH TIME ZONE NOT NULL,
    ip           VARCHAR(64),
    user_agent   VARCHAR(255),
    -- the account's session stamp the session signed in with: once the account's changes, it is over
    stamp        VARCHAR(36)              NOT NULL,
    ended_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX user_sessions_user_idx ON user_sessions (user_id, last_seen_at);
