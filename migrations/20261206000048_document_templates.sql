-- A required document's blank form (mẫu đơn, tờ khai) is a file an
-- administrator attaches to that document in the draft editor; citizens
-- download it beside the document's upload slot. It replaces the
-- version-wide list of links to files shipped with the program.
--
-- Kept in PostgreSQL, not the object store: a template is catalogue
-- content, copied with each new draft and published with it in one
-- transaction, seeded and loaded into every instance with the catalogue;
-- it is public and small (at most 5 MB). A row never changes, so its
-- address (`/mau-don/{id}`) can be cached for good. Citizens' files stay in
-- the object store.
CREATE TABLE template_files (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    file_name text NOT NULL CHECK (file_name <> ''),
    content_type text NOT NULL,
    content bytea NOT NULL CHECK (octet_length(content) BETWEEN 1 AND 5242880),
    uploaded_by bigint REFERENCES users (id),
    uploaded_at timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE procedure_documents ADD COLUMN template_file_id bigint REFERENCES template_files (id);
CREATE INDEX procedure_documents_template_idx ON procedure_documents (template_file_id)
    WHERE template_file_id IS NOT NULL;

DROP TABLE procedure_form_templates;

-- As before, without the version-wide list of links.
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
    PERFORM copy_version_rows('fee_exemptions', source, target);
    -- The insert trigger gave it the default workflow: the source's instead.
    DELETE FROM workflow_steps WHERE version_id = target;
    PERFORM copy_version_rows('workflow_steps', source, target);
    RETURN target;
END
$$;
