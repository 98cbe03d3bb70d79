-- The one-stop unit (Bộ phận Một cửa: the provincial or commune Trung tâm
-- Phục vụ hành chính công) that receives an agency's dossiers and issues
-- its slips, under the authority that governs it; the per-unit, per-year
-- registers that number those slips; and the slips as issued.

CREATE TABLE one_stop_units (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- What seed data and administrators name it by.
    key text NOT NULL UNIQUE,
    name text NOT NULL,
    name_en text,
    -- The authority it works under (the People's Committee).
    governing_agency_id bigint NOT NULL REFERENCES agencies (id),
    -- The governing authority's line of the heading, as printed above the
    -- unit's name ("UBND TỈNH QUẢNG NINH": Decree 30/2020 lets the
    -- governing name use common abbreviations).
    governing_heading text NOT NULL,
    -- The unit's own lines of the heading, line breaks included
    -- ("TRUNG TÂM PHỤC VỤ\nHÀNH CHÍNH CÔNG": the place is on the line
    -- above); none: its name.
    heading text,
    -- The unit's part of a document's symbol ("01/TNHS-TTPVHCC").
    symbol text NOT NULL CHECK (symbol ~ '^[A-ZĐ0-9]+(-[A-ZĐ0-9]+)*$'),
    address text,
    phone text
);

-- one_stop_unit_id: the unit that receives the agency's dossiers; none:
-- the agency receives them itself and heads its slips with its own name.
-- document_symbol: the agency's part of the symbol of what it issues
-- itself ("01/XLHS-STP"); none: the number goes without it.
ALTER TABLE agencies
    ADD COLUMN one_stop_unit_id bigint REFERENCES one_stop_units (id),
    ADD COLUMN document_symbol text CHECK (document_symbol ~ '^[A-ZĐ0-9]+(-[A-ZĐ0-9]+)*$');

-- One register per issuer (a one-stop unit, or an agency for what it
-- issues itself: slip 04), per form and per year. Incremented in the
-- transaction that issues the document: the row lock queues concurrent
-- issues, a rollback gives the number back, so numbers have no gaps and
-- no duplicates.
CREATE TABLE document_registers (
    unit_id bigint REFERENCES one_stop_units (id),
    agency_id bigint REFERENCES agencies (id),
    form text NOT NULL CHECK (form IN ('01', '02', '03', '04', '05')),
    year integer NOT NULL,
    last_number integer NOT NULL CHECK (last_number > 0),
    CHECK (num_nonnulls(unit_id, agency_id) = 1),
    UNIQUE NULLS NOT DISTINCT (unit_id, agency_id, form, year)
);

-- Every numbered slip: which history entry issued it, its number in its
-- register, and (slip 01) the file exactly as issued. Never changed.
CREATE TABLE issued_documents (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    dossier_id bigint NOT NULL REFERENCES dossiers (id),
    history_id bigint NOT NULL UNIQUE REFERENCES dossier_history (id),
    form text NOT NULL CHECK (form IN ('01', '02', '03', '04', '05')),
    unit_id bigint REFERENCES one_stop_units (id),
    agency_id bigint REFERENCES agencies (id),
    year integer NOT NULL,
    number integer NOT NULL CHECK (number > 0),
    -- As printed after "Số: ", e.g. "07/TNHS-TTPVHCC".
    reference text NOT NULL,
    issued_at timestamptz NOT NULL,
    pdf bytea,
    CHECK (num_nonnulls(unit_id, agency_id) = 1),
    CHECK ((form = '01') = (pdf IS NOT NULL)),
    UNIQUE NULLS NOT DISTINCT (unit_id, agency_id, form, year, number)
);

CREATE UNIQUE INDEX issued_documents_one_receipt_idx ON issued_documents (dossier_id) WHERE form = '01';

CREATE TRIGGER issued_documents_are_append_only
    BEFORE UPDATE OR DELETE ON issued_documents
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
