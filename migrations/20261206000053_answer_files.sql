-- Files answering an e-form's file question ("Ảnh chân dung", "Bản vẽ"):
-- kept apart from the procedure's required documents because they belong
-- to a question of the form version the dossier is filled with, not to a
-- row of procedure_documents. The answer itself (the files' names) is
-- written into the answers from here whenever a draft is read, so the
-- browser can never claim a file it did not upload.
CREATE TABLE dossier_answer_files (
    dossier_id bigint NOT NULL REFERENCES dossiers (id),
    field_key text NOT NULL CHECK (field_key <> ''),
    file_id bigint NOT NULL REFERENCES stored_files (id),
    attached_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (dossier_id, field_key, file_id)
);

CREATE INDEX dossier_answer_files_file_idx ON dossier_answer_files (file_id);
