-- The one place that knows what uses an uploaded file: a dossier's
-- document or answer, a field report's photo, a dossier's result. A person
-- may delete the files of theirs nothing uses (`app/src/accounts/
-- data_deletion.rs`, which counts and deletes with it); a new table that
-- refers to stored_files adds itself here (the integration test
-- `every_table_referring_to_a_file_counts_as_a_use` checks it).
CREATE FUNCTION stored_file_in_use(file bigint) RETURNS boolean
    LANGUAGE sql STABLE
    AS $$
        SELECT EXISTS (SELECT 1 FROM dossier_attachments a WHERE a.file_id = file)
            OR EXISTS (SELECT 1 FROM dossier_answer_files a WHERE a.file_id = file)
            OR EXISTS (SELECT 1 FROM field_report_photos p WHERE p.file_id = file)
            OR EXISTS (SELECT 1 FROM dossiers d WHERE d.result_file_id = file)
    $$;
