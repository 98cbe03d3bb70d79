-- Accounts: citizens register themselves; officials are created by an
-- administrator, belong to an agency and hold one or more roles.
CREATE TABLE users (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('citizen', 'official')),
    full_name text NOT NULL,
    email text NOT NULL,
    -- Số định danh cá nhân (CCCD), citizens only.
    citizen_id text UNIQUE CHECK (citizen_id ~ '^[0-9]{12}$'),
    date_of_birth date,
    phone text,
    -- argon2id PHC string; never a password.
    password_hash text NOT NULL,
    email_confirmed_at timestamptz,
    disabled_at timestamptz,
    agency_id bigint REFERENCES agencies (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((kind = 'official') = (agency_id IS NOT NULL)),
    CHECK (kind = 'citizen' OR citizen_id IS NULL)
);

CREATE UNIQUE INDEX users_email_key ON users (lower(email));

CREATE TABLE user_roles (
    user_id bigint NOT NULL REFERENCES users (id),
    role text NOT NULL CHECK (role IN ('reception', 'specialist', 'leader', 'manager', 'administrator')),
    PRIMARY KEY (user_id, role)
);

-- Who did what, when, from where. Rows are never changed or removed.
CREATE TABLE audit_log (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at timestamptz NOT NULL DEFAULT now(),
    user_id bigint REFERENCES users (id),
    action text NOT NULL,
    detail jsonb NOT NULL DEFAULT '{}',
    ip inet
);

CREATE INDEX audit_log_user_idx ON audit_log (user_id, occurred_at);

CREATE FUNCTION refuse_audit_log_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END
$$;

CREATE TRIGGER audit_log_is_append_only
    BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION refuse_audit_log_change();
