-- Procedure versions are content that administrators edit: a version is a
-- draft until a second administrator publishes it (four eyes: the author
-- cannot), with an effective date now or later; only published versions
-- are ever in force. Online filing of a procedure can be suspended with a
-- reason shown to citizens.
ALTER TABLE procedure_versions
    ADD COLUMN author_id bigint REFERENCES users (id),
    ADD COLUMN published_by bigint REFERENCES users (id),
    ADD COLUMN published_at timestamptz,
    ADD CONSTRAINT procedure_versions_four_eyes
        CHECK (published_by IS NULL OR author_id IS NULL OR published_by <> author_id);

-- What was loaded before this existed was in force.
UPDATE procedure_versions SET published_at = created_at;

ALTER TABLE procedures
    ADD COLUMN online_filing_suspended text
        CHECK (online_filing_suspended IS NULL OR length(online_filing_suspended) BETWEEN 1 AND 500);

-- In force from the effective date in Vietnam (UTC+7), whatever the
-- server's time zone.
CREATE OR REPLACE VIEW current_procedure_versions AS
SELECT DISTINCT ON (procedure_id) *
FROM procedure_versions
WHERE published_at IS NOT NULL
  AND effective_from <= (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date
ORDER BY procedure_id, effective_from DESC, version DESC;

-- Copies the rows of `tbl` belonging to version `source` to version
-- `target`, every column but the version, identities and generated ones,
-- so a column added later is copied too.
CREATE FUNCTION copy_version_rows(tbl regclass, source bigint, target bigint) RETURNS void
    LANGUAGE plpgsql AS $$
DECLARE
    columns text;
BEGIN
    SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) INTO columns
    FROM pg_attribute
    WHERE attrelid = tbl AND attnum > 0 AND NOT attisdropped
      AND attidentity = '' AND attgenerated = '' AND attname <> 'version_id';
    EXECUTE format('INSERT INTO %s (version_id, %s) SELECT $2, %s FROM %s WHERE version_id = $1',
                   tbl, columns, columns, tbl)
        USING source, target;
END
$$;

-- A new draft version of `source`'s procedure, a copy of `source` with its
-- documents, fees, exemptions, blank forms and workflow; its id.
CREATE FUNCTION draft_procedure_version(source bigint, author bigint) RETURNS bigint
    LANGUAGE plpgsql AS $$
DECLARE
    columns text;
    target bigint;
BEGIN
    SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) INTO columns
    FROM pg_attribute
    WHERE attrelid = 'procedure_versions'::regclass AND attnum > 0 AND NOT attisdropped
      AND attidentity = '' AND attgenerated = ''
      AND attname NOT IN ('version', 'author_id', 'published_by', 'published_at', 'created_at');
    EXECUTE format(
        'INSERT INTO procedure_versions (version, author_id, %s)
         SELECT (SELECT max(version) + 1 FROM procedure_versions WHERE procedure_id = s.procedure_id), $2, %s
         FROM procedure_versions s WHERE s.id = $1 RETURNING id',
        columns, columns)
        INTO target USING source, author;
    PERFORM copy_version_rows('procedure_documents', source, target);
    PERFORM copy_version_rows('procedure_fees', source, target);
    PERFORM copy_version_rows('procedure_form_templates', source, target);
    PERFORM copy_version_rows('fee_exemptions', source, target);
    -- The insert trigger gave it the default workflow: the source's instead.
    DELETE FROM workflow_steps WHERE version_id = target;
    PERFORM copy_version_rows('workflow_steps', source, target);
    RETURN target;
END
$$;
