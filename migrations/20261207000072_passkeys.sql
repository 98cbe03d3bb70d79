-- Issue 22, item 4: passkeys (WebAuthn) as officials' second factor, beside
-- the authenticator app. A passkey's private key never leaves the person's
-- device; the portal keeps its public key and signature counter as
-- webauthn-rs serialises them.
CREATE TABLE passkeys (
    id bigserial PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- The authenticator's id for the credential: one account per passkey.
    credential_id bytea NOT NULL UNIQUE,
    -- The name the official gave it ("Laptop at the office").
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    credential jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz
);

CREATE INDEX passkeys_by_user ON passkeys (user_id);

-- A challenge the portal sent to a browser, until its signed answer comes
-- back: deleted by the answer that uses it (`DELETE … RETURNING`), so of two
-- answers to one challenge at most one counts, whichever instance receives
-- them. Challenges older than five minutes are refused and swept hourly.
CREATE TABLE passkey_challenges (
    id bigserial PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose text NOT NULL CHECK (purpose IN ('register', 'authenticate')),
    -- webauthn-rs's ceremony state: the challenge and what the answer must match.
    state jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX passkey_challenges_by_age ON passkey_challenges (created_at);

-- One definition of "has a second factor" for every query that asks: a
-- confirmed authenticator app, or at least one passkey.
CREATE FUNCTION has_second_factor(account bigint) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM totp_factors WHERE user_id = account AND confirmed_at IS NOT NULL)
        OR EXISTS (SELECT 1 FROM passkeys WHERE user_id = account)
$$;
