-- When a citizen's identity data (full name, CCCD, date of birth) was
-- verified, and by what: the national identity provider at sign-in
-- (issue 22). Forms prefill verified data read-only, and the server keeps
-- it whatever a post says.
ALTER TABLE users
    ADD COLUMN identity_verified_at timestamptz,
    ADD COLUMN identity_source text CHECK (identity_source IN ('national_identity')),
    ADD CONSTRAINT users_identity_verified_whole
        CHECK ((identity_verified_at IS NULL) = (identity_source IS NULL)),
    ADD CONSTRAINT users_identity_verified_citizens
        CHECK (identity_verified_at IS NULL OR kind = 'citizen');
