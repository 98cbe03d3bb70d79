-- Attempts at guessing a secret (password, tracking PIN, second factor) and
-- requests that cost the portal work (registration, reset mails), counted to
-- slow abuse down. A row is written *before* the secret is checked, under an
-- advisory lock per subject and per address, so parallel requests cannot all
-- slip under the limit; a right guess deletes its row, a wrong one keeps it.
-- Replaces sign_in_failures, which was written only after the check.
DROP TABLE sign_in_failures;

CREATE TABLE guess_attempts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('password', 'second_factor', 'tracking_pin', 'registration', 'reset_request')),
    -- SHA-256 of what is guessed at: an account id, an unknown identifier as
    -- typed (normalised), a dossier code. Never an email or a CCCD in clear.
    subject_key bytea NOT NULL,
    ip inet,
    attempted_at timestamptz NOT NULL DEFAULT clock_timestamp()
);

CREATE INDEX guess_attempts_subject_idx ON guess_attempts (kind, subject_key, attempted_at);
CREATE INDEX guess_attempts_ip_idx ON guess_attempts (kind, ip, attempted_at);
