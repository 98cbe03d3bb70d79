-- The procedure catalogue. A procedure (identified by its national code) has
-- versions: a dossier keeps the version it was filed under, and editing a
-- procedure adds a version effective from a date.
CREATE TABLE sectors (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code text NOT NULL UNIQUE,
    name text NOT NULL,
    name_en text
);

CREATE TABLE procedures (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code text NOT NULL UNIQUE CHECK (code ~ '^[0-9]\.[0-9]{6}$'),
    sector_id bigint NOT NULL REFERENCES sectors (id),
    agency_level text NOT NULL CHECK (agency_level IN ('province', 'commune')),
    popular boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX procedures_sector_idx ON procedures (sector_id);

CREATE TABLE procedure_versions (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    procedure_id bigint NOT NULL REFERENCES procedures (id),
    version integer NOT NULL CHECK (version >= 1),
    effective_from date NOT NULL,
    name text NOT NULL,
    name_en text,
    description text,
    applicants text,
    implementing_agency text NOT NULL,
    online_level text NOT NULL CHECK (online_level IN ('full', 'partial')),
    processing_time_value integer NOT NULL CHECK (processing_time_value > 0),
    processing_time_unit text NOT NULL CHECK (processing_time_unit IN ('working_days', 'working_hours')),
    cutoff_time time,
    result_type text NOT NULL,
    requirements text,
    legal_basis text[] NOT NULL DEFAULT '{}',
    steps text[] NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL DEFAULT now(),
    -- Search columns, derived so they can never drift from the text they index.
    name_key text GENERATED ALWAYS AS (search_key(name)) STORED,
    search_text text GENERATED ALWAYS AS (
        search_key(name || ' ' || coalesce(name_en, '') || ' ' || coalesce(description, '') || ' ' || result_type)
    ) STORED,
    UNIQUE (procedure_id, version)
);

CREATE INDEX procedure_versions_current_idx ON procedure_versions (procedure_id, effective_from DESC, version DESC);
CREATE INDEX procedure_versions_search_trgm_idx ON procedure_versions USING gin (search_text gin_trgm_ops);
CREATE INDEX procedure_versions_search_fts_idx ON procedure_versions USING gin (to_tsvector('simple', search_text));

-- The version of each procedure in force today.
CREATE VIEW current_procedure_versions AS
SELECT DISTINCT ON (procedure_id) *
FROM procedure_versions
WHERE effective_from <= CURRENT_DATE
ORDER BY procedure_id, effective_from DESC, version DESC;

-- Thành phần hồ sơ.
CREATE TABLE procedure_documents (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    version_id bigint NOT NULL REFERENCES procedure_versions (id),
    position integer NOT NULL,
    name text NOT NULL,
    originals integer NOT NULL DEFAULT 0 CHECK (originals >= 0),
    copies integer NOT NULL DEFAULT 0 CHECK (copies >= 0),
    mandatory boolean NOT NULL,
    note text,
    UNIQUE (version_id, position)
);

-- Phí, lệ phí, in whole đồng.
CREATE TABLE procedure_fees (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    version_id bigint NOT NULL REFERENCES procedure_versions (id),
    position integer NOT NULL,
    kind text NOT NULL CHECK (kind IN ('phi', 'le_phi')),
    description text NOT NULL,
    amount_vnd bigint NOT NULL CHECK (amount_vnd >= 0),
    note text,
    UNIQUE (version_id, position)
);

-- Mẫu đơn, tờ khai to download.
CREATE TABLE procedure_form_templates (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    version_id bigint NOT NULL REFERENCES procedure_versions (id),
    position integer NOT NULL,
    name text NOT NULL,
    url text NOT NULL,
    UNIQUE (version_id, position)
);

-- Which agencies receive dossiers for a procedure.
CREATE TABLE procedure_agencies (
    procedure_id bigint NOT NULL REFERENCES procedures (id),
    agency_id bigint NOT NULL REFERENCES agencies (id),
    PRIMARY KEY (procedure_id, agency_id)
);

CREATE INDEX procedure_agencies_agency_idx ON procedure_agencies (agency_id);
