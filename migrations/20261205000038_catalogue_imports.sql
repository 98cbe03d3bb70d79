-- A catalogue import: a file of procedures (JSON or xlsx) an administrator
-- loads in one go, e.g. from the national database's spreadsheet. A file
-- with any bad row is refused whole and its errors kept, per row; a good
-- one becomes one draft version per procedure, published together by a
-- second administrator (four eyes, as for any draft) or discarded.
CREATE TABLE catalogue_imports (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    author_id bigint NOT NULL REFERENCES users (id),
    file_name text NOT NULL,
    status text NOT NULL CHECK (status IN ('refused', 'draft', 'published', 'discarded')),
    procedures integer NOT NULL DEFAULT 0,
    -- [{ "row": 3, "code": "1.000001", "field": "time_value", "message": "…" }]
    errors jsonb NOT NULL DEFAULT '[]',
    created_at timestamptz NOT NULL DEFAULT now(),
    published_by bigint REFERENCES users (id),
    published_at timestamptz,
    CONSTRAINT catalogue_imports_four_eyes CHECK (published_by IS NULL OR published_by <> author_id)
);

ALTER TABLE procedure_versions ADD COLUMN import_id bigint REFERENCES catalogue_imports (id);
CREATE INDEX procedure_versions_import_idx ON procedure_versions (import_id) WHERE import_id IS NOT NULL;

-- A draft copied from an imported version belongs to no import.
CREATE OR REPLACE FUNCTION draft_procedure_version(source bigint, author bigint) RETURNS bigint
    LANGUAGE plpgsql AS $$
DECLARE
    columns text;
    target bigint;
BEGIN
    SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) INTO columns
    FROM pg_attribute
    WHERE attrelid = 'procedure_versions'::regclass AND attnum > 0 AND NOT attisdropped
      AND attidentity = '' AND attgenerated = ''
      AND attname NOT IN ('version', 'author_id', 'published_by', 'published_at', 'created_at', 'import_id');
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
