-- When a citizen's identity data was verified, and by what: the national
-- identity provider at sign-in (issue 22), which also gives the permanent
-- address (a commune of the 2025 units and the street). Forms prefill
-- verified data read-only, and the server keeps it whatever a post says.
ALTER TABLE users
    ADD COLUMN identity_verified_at timestamptz,
    ADD COLUMN identity_source text CHECK (identity_source IN ('national_identity')),
    ADD COLUMN address_commune text REFERENCES administrative_units (code),
    ADD COLUMN address_street text CHECK (length(address_street) <= 200),
    ADD CONSTRAINT users_identity_verified_whole
        CHECK ((identity_verified_at IS NULL) = (identity_source IS NULL)),
    ADD CONSTRAINT users_identity_verified_citizens
        CHECK (identity_verified_at IS NULL OR kind = 'citizen'),
    ADD CONSTRAINT users_address_whole
        CHECK ((address_commune IS NULL) = (address_street IS NULL));
