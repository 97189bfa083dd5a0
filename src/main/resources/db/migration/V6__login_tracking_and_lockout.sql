-- Login tracking, brute-force lockout and session revocation for users.
ALTER TABLE users ADD COLUMN login_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN last_login_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE users ADD COLUMN last_login_ip VARCHAR(64);
ALTER TABLE users ADD COLUMN current_login_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE users ADD COLUMN current_login_ip VARCHAR(64);
ALTER TABLE users ADD COLUMN failed_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN first_failed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE users ADD COLUMN locked_until TIMESTAMP WITH TIME ZONE;
-- changes whenever the user's access changes (deactivation, roles, password): live sessions
-- carrying an older value are ended on their next request
ALTER TABLE users ADD COLUMN session_stamp VARCHAR(36) NOT NULL DEFAULT 'initial';
