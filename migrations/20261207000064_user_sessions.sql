-- Issue 22, item 5: the devices an account is signed in on. A row per
-- signed-in session, written when it starts and checked on every request
-- (`server/src/access/authentication.rs`): ending it here (its owner on
-- /tai-khoan/phien, or signing out) ends it on every instance at once.
-- The session itself stays in tower_sessions; this row is what people see
-- of it and what ends it.
CREATE TABLE user_sessions (
    id bigserial PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- The browser's User-Agent, cut to 300 characters; the address it
    -- signed in from (the client address the portal trusts).
    user_agent text NOT NULL DEFAULT '' CHECK (length(user_agent) <= 300),
    address text,
    signed_in_at timestamptz NOT NULL DEFAULT now(),
    last_seen_at timestamptz NOT NULL DEFAULT now(),
    -- The session's own limits (`sessions::limits_for`), so the list
    -- leaves out what has run out without waiting for the cleanup.
    idle_limit interval NOT NULL,
    expires_at timestamptz NOT NULL,
    ended_at timestamptz,
    -- Who ended it: its owner, or an administrator.
    ended_by bigint REFERENCES users (id)
);

CREATE INDEX user_sessions_open ON user_sessions (user_id) WHERE ended_at IS NULL;
-- The cleanup drops rows 90 days past their end (`sessions.rs`).
CREATE INDEX user_sessions_expiry ON user_sessions (expires_at);
