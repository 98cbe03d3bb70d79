-- Cơ quan: the tree of agencies (province → departments and communes → units).
-- `code` is the electronic agency code (mã định danh điện tử) that also
-- prefixes dossier codes, e.g. 000.00.12.H34.
CREATE TABLE agencies (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code text NOT NULL UNIQUE CHECK (code ~ '^[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[A-Z][0-9]{2}$'),
    name text NOT NULL,
    name_en text,
    kind text NOT NULL CHECK (kind IN ('province', 'department', 'commune', 'unit')),
    parent_id bigint REFERENCES agencies (id),
    administrative_unit_code text REFERENCES administrative_units (code),
    address text,
    phone text,
    email text,
    CHECK ((kind = 'province') = (parent_id IS NULL))
);

CREATE INDEX agencies_parent_idx ON agencies (parent_id);
