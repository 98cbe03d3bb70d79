-- Signing in through an identity provider (OpenID Connect), above all the
-- national electronic identity (VNeID): providers are configuration an
-- administrator keeps; an account is linked to a provider's subject, never
-- matched by email; a sign-in waiting for the provider's answer is kept
-- here, not in the process, so any instance can take the callback.

CREATE TABLE identity_providers (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- In the sign-in and callback addresses: /dang-nhap/dinh-danh/{slug}.
    slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
    name_vi text NOT NULL CHECK (length(name_vi) BETWEEN 1 AND 120),
    name_en text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 120),
    issuer text NOT NULL CHECK (issuer ~ '^https?://'),
    -- Endpoints from the issuer's discovery document, or typed in for a
    -- provider that publishes none.
    uses_discovery boolean NOT NULL DEFAULT true,
    authorization_endpoint text,
    token_endpoint text,
    jwks_uri text,
    end_session_endpoint text,
    client_id text NOT NULL CHECK (length(client_id) BETWEEN 1 AND 200),
    -- XChaCha20-Poly1305 under MOTCUA_SECRET_KEY, associated data
    -- 'identity-provider:<id>' (app/src/accounts/second_factor/sealing.rs).
    client_secret_sealed bytea,
    scopes text NOT NULL DEFAULT 'openid profile' CHECK (scopes ~ '(^| )openid( |$)'),
    -- Sent as acr_values; the ID token's acr must be one of them. Empty:
    -- any assurance level is accepted.
    required_acr text NOT NULL DEFAULT '',
    -- Which ID token claims carry the identity data.
    claim_citizen_id text NOT NULL DEFAULT 'so_dinh_danh',
    claim_full_name text NOT NULL DEFAULT 'name',
    claim_birth_date text NOT NULL DEFAULT 'birthdate',
    enabled boolean NOT NULL DEFAULT true,
    -- What the provider published, kept so a sign-in needs no discovery
    -- request, and refreshed when a token names a key not in it.
    discovered jsonb,
    jwks jsonb,
    fetched_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CHECK (uses_discovery OR (authorization_endpoint IS NOT NULL
        AND token_endpoint IS NOT NULL AND jwks_uri IS NOT NULL))
);

-- An account's link to a provider's subject: one subject, one account; one
-- account, at most one subject per provider.
CREATE TABLE identity_links (
    provider_id bigint NOT NULL REFERENCES identity_providers (id),
    subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 255),
    user_id bigint NOT NULL REFERENCES users (id),
    linked_at timestamptz NOT NULL DEFAULT now(),
    last_sign_in_at timestamptz,
    PRIMARY KEY (provider_id, subject),
    UNIQUE (provider_id, user_id)
);

-- A sign-in sent to the provider and not yet back. The state is stored as
-- a SHA-256 (like every single-use token here); a callback spends the row
-- once, within ten minutes, from the browser session that started it.
CREATE TABLE identity_sign_ins (
    state_hash bytea PRIMARY KEY,
    provider_id bigint NOT NULL REFERENCES identity_providers (id),
    nonce text NOT NULL,
    pkce_verifier text NOT NULL,
    -- Set when a signed-in person links their account rather than signs in.
    linking_user_id bigint REFERENCES users (id),
    next text NOT NULL DEFAULT '' CHECK (length(next) <= 500),
    created_at timestamptz NOT NULL DEFAULT now(),
    used_at timestamptz
);

CREATE INDEX identity_sign_ins_created_idx ON identity_sign_ins (created_at);

-- An account made at a first sign-in through a provider has no password
-- and, until its owner adds one, no email: its CCCD and the provider vouch
-- for it, as the counter's record vouches for a walk-in applicant.
ALTER TABLE users
    DROP CONSTRAINT users_account_or_counter_record,
    ADD CONSTRAINT users_account_or_counter_record CHECK (
        (email IS NOT NULL AND password_hash IS NOT NULL)
        OR (kind = 'citizen' AND recorded_by IS NOT NULL AND citizen_id IS NOT NULL)
        OR (kind = 'citizen' AND identity_source IS NOT NULL AND citizen_id IS NOT NULL));
