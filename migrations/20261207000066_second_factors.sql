-- Issue 22, item 4: officials' second factor. An authenticator app's
-- secret (RFC 6238), sealed with the portal's secret key (never stored in
-- clear: `app/src/accounts/second_factor/sealing.rs`), and ten single-use
-- recovery codes stored as argon2id hashes.
CREATE TABLE totp_factors (
    user_id bigint PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    -- XChaCha20-Poly1305: a 24-byte nonce, then the sealed 20-byte secret
    -- and its tag; the account id is bound in as associated data, so a
    -- sealed secret copied onto another account does not open.
    secret_sealed bytea NOT NULL,
    -- NULL while the official is still setting up their app: the factor
    -- counts only once a first code from it was accepted.
    confirmed_at timestamptz,
    -- The 30-second step of the last accepted code: a code is accepted
    -- once (RFC 6238 §5.2), so only later steps pass, and one UPDATE decides
    -- which of two parallel uses of one code wins.
    last_used_step bigint NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE recovery_codes (
    id bigserial PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    used_at timestamptz
);

CREATE INDEX recovery_codes_unused ON recovery_codes (user_id) WHERE used_at IS NULL;
