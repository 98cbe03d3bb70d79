-- Dossiers (hồ sơ): one filing of one procedure version by one applicant at
-- one agency, in exactly one state. Its history is append-only.
CREATE TABLE dossiers (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- <agency code>-<yymmdd>-<nnnn>; given at submission (drafts have none).
    code text UNIQUE,
    -- Six digits printed on slip 01: with the code, tracks without an account.
    pin text CHECK (pin ~ '^[0-9]{6}$'),
    applicant_id bigint NOT NULL REFERENCES users (id),
    procedure_version_id bigint NOT NULL REFERENCES procedure_versions (id),
    agency_id bigint NOT NULL REFERENCES agencies (id),
    status text NOT NULL CHECK (status IN (
        'draft', 'submitted', 'received', 'processing', 'awaiting_supplement',
        'awaiting_approval', 'result_ready', 'returned', 'refused', 'stopped', 'withdrawn')),
    channel text NOT NULL CHECK (channel IN ('online', 'counter', 'post')),
    -- The e-form answers, field name → value(s), as the validator accepted them.
    form_data jsonb NOT NULL DEFAULT '{}',
    submitted_at timestamptz,
    -- The working day the dossier counts as received on, and when it is due
    -- (Vietnam local time), from the deadline engine.
    counted_from date,
    due_at timestamp,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((status = 'draft') = (code IS NULL)),
    CHECK (code IS NULL OR pin IS NOT NULL)
);

CREATE INDEX dossiers_applicant_idx ON dossiers (applicant_id, updated_at DESC);
CREATE INDEX dossiers_agency_status_idx ON dossiers (agency_id, status, due_at);

-- The per-agency, per-day sequence behind dossier codes. Incremented inside
-- the submitting transaction: the row lock serialises concurrent
-- submissions, and a rolled-back submission gives its number back, so the
-- numbers have no gaps and no duplicates.
CREATE TABLE dossier_code_counters (
    agency_id bigint NOT NULL REFERENCES agencies (id),
    day date NOT NULL,
    last_number integer NOT NULL,
    PRIMARY KEY (agency_id, day)
);

-- Every state change: who, when, from, to, and a note. Never changed.
CREATE TABLE dossier_history (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    dossier_id bigint NOT NULL REFERENCES dossiers (id),
    occurred_at timestamptz NOT NULL DEFAULT now(),
    actor_id bigint REFERENCES users (id),
    from_status text,
    to_status text NOT NULL,
    note text
);

CREATE INDEX dossier_history_dossier_idx ON dossier_history (dossier_id, occurred_at);

CREATE FUNCTION refuse_history_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END
$$;

CREATE TRIGGER dossier_history_is_append_only
    BEFORE UPDATE OR DELETE ON dossier_history
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
