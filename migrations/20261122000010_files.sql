-- Files citizens upload (and, later, results issued to them). Content lives
-- in the object store under a generated key; the user's file name is kept
-- only as data, never in a path. Every file has an owner: the citizen's
-- document wallet is their files.
CREATE TABLE stored_files (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner_id bigint NOT NULL REFERENCES users (id),
    storage_key text NOT NULL UNIQUE,
    original_name text NOT NULL,
    content_type text NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
    size_bytes bigint NOT NULL CHECK (size_bytes > 0),
    sha256 bytea NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX stored_files_owner_idx ON stored_files (owner_id, created_at DESC);

-- Which file stands for which required document of a dossier.
CREATE TABLE dossier_attachments (
    dossier_id bigint NOT NULL REFERENCES dossiers (id),
    document_id bigint NOT NULL REFERENCES procedure_documents (id),
    file_id bigint NOT NULL REFERENCES stored_files (id),
    attached_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (dossier_id, document_id, file_id)
);
