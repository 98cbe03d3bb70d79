-- Sessions, one-time account links, sign-in throttling and outgoing mail:
-- everything an instance must share with the others lives here, so any
-- instance can serve any request.

-- The table tower-sessions-sqlx-store reads and writes (its own `migrate()`
-- creates the same; keeping it here puts it under our migrations).
CREATE SCHEMA IF NOT EXISTS tower_sessions;
CREATE TABLE IF NOT EXISTS tower_sessions.session (
    id text PRIMARY KEY NOT NULL,
    data bytea NOT NULL,
    expiry_date timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS session_expiry_idx ON tower_sessions.session (expiry_date);

-- Sessions started before this moment are no longer valid: set after a
-- password reset or change, so every other device is signed out at once.
ALTER TABLE users ADD COLUMN sessions_valid_after timestamptz NOT NULL DEFAULT '-infinity';
ALTER TABLE users ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

CREATE INDEX users_agency_idx ON users (agency_id) WHERE agency_id IS NOT NULL;

-- Single-use links sent by mail. Only a SHA-256 of the token is stored, so a
-- copy of the database cannot be used to confirm or reset anything.
CREATE TABLE account_tokens (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES users (id),
    purpose text NOT NULL CHECK (purpose IN ('confirm_email', 'reset_password')),
    token_sha256 bytea NOT NULL UNIQUE,
    -- The address a confirmation link confirms (an email change confirms the new one).
    email text,
    expires_at timestamptz NOT NULL,
    used_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX account_tokens_user_idx ON account_tokens (user_id, purpose);

-- Failed sign-ins, counted per account and per address to slow guessing down.
-- Rows older than a day mean nothing to the throttle and are pruned.
CREATE TABLE sign_in_failures (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- The identifier as typed, normalised (lower-case email or CCCD digits),
    -- hashed: the table never holds a full CCCD.
    account_key bytea NOT NULL,
    ip inet,
    failed_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX sign_in_failures_account_idx ON sign_in_failures (account_key, failed_at);
CREATE INDEX sign_in_failures_ip_idx ON sign_in_failures (ip, failed_at);

-- Outgoing mail, written in the same transaction as the change it reports
-- and sent by whichever instance's worker claims it first.
CREATE TABLE mail_outbox (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recipient text NOT NULL,
    subject text NOT NULL,
    body_text text NOT NULL,
    attempts integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error text,
    sent_at timestamptz,
    -- Given up after too many attempts; kept for the operators to see.
    failed_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at)
    WHERE sent_at IS NULL AND failed_at IS NULL;

-- Messages received by the built-in SMTP catcher (demo mode and tests only):
-- the raw message as it arrived over SMTP.
CREATE TABLE caught_mail (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    envelope_from text NOT NULL,
    envelope_to text[] NOT NULL,
    raw_message bytea NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now()
);
