-- Cách thức thực hiện: the ways a version's dossiers may be filed — on
-- the portal (online), at the one-stop counter (counter), by public postal
-- service (post). A procedure the decision publishes as "trực tiếp" only
-- takes no online filing; one published as online only takes none at the
-- counter. Versioned like every other field, so a change applies from its
-- effective date. Existing versions offered all three.
ALTER TABLE procedure_versions
    ADD COLUMN channels text[] NOT NULL DEFAULT '{online,counter,post}'
        CONSTRAINT procedure_versions_channels_known
        CHECK (cardinality(channels) > 0 AND channels <@ '{online,counter,post}'::text[]);
