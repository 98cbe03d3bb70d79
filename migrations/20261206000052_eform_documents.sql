-- E-forms become documents of their own (issue 19): a form has a draft that
-- designers edit (every save kept, any restorable), and numbered versions
-- published by a second person, which never change. A procedure version
-- names the form it is filed with; its live (latest) version is what
-- citizens fill, and every dossier keeps the exact version it was filled
-- with, so its answers stay readable after the form changes.

ALTER TABLE user_roles DROP CONSTRAINT user_roles_role_check;
ALTER TABLE user_roles ADD CONSTRAINT user_roles_role_check
    CHECK (role IN ('reception', 'specialist', 'leader', 'manager', 'administrator', 'form_designer'));

CREATE TABLE forms (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    -- Its designers are the owning agency's (and the province's); NULL:
    -- the province's own, designed by its catalogue administrators.
    agency_id bigint REFERENCES agencies (id),
    -- The form of every procedure version that names none.
    standard boolean NOT NULL DEFAULT false,
    -- The draft being edited; NULL when the live version has no draft.
    draft jsonb,
    draft_saved_by bigint REFERENCES users (id),
    draft_saved_at timestamptz,
    -- The author asked for the draft to be published.
    review_requested_by bigint REFERENCES users (id),
    review_requested_at timestamptz,
    archived_at timestamptz,
    created_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX forms_one_standard ON forms (standard) WHERE standard;

CREATE TABLE form_versions (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    form_id bigint NOT NULL REFERENCES forms (id),
    number integer NOT NULL CHECK (number > 0),
    definition jsonb NOT NULL,
    -- Who wrote it and who published it: never the same person. Forms
    -- carried over from before this migration and seeded demo forms
    -- have neither.
    written_by bigint REFERENCES users (id),
    published_by bigint REFERENCES users (id),
    published_at timestamptz NOT NULL,
    UNIQUE (form_id, number),
    CHECK (written_by IS NULL OR published_by IS NULL OR written_by <> published_by)
);

-- A published version is what dossiers were filled with: it never changes.
CREATE FUNCTION form_versions_never_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'form version % is published and cannot change', OLD.id;
END $$;
CREATE TRIGGER form_versions_never_change BEFORE UPDATE OR DELETE ON form_versions
    FOR EACH ROW EXECUTE FUNCTION form_versions_never_change();

-- Every save of a draft (and every restore and import), newest last.
CREATE TABLE form_saves (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    form_id bigint NOT NULL REFERENCES forms (id),
    definition jsonb NOT NULL,
    kind text NOT NULL CHECK (kind IN ('created', 'saved', 'restored', 'imported')),
    saved_by bigint REFERENCES users (id),
    saved_at timestamptz NOT NULL
);
CREATE INDEX form_saves_form_idx ON form_saves (form_id, id);

ALTER TABLE procedure_versions ADD COLUMN form_id bigint REFERENCES forms (id);
ALTER TABLE dossiers ADD COLUMN form_version_id bigint REFERENCES form_versions (id);
CREATE INDEX procedure_versions_form_idx ON procedure_versions (form_id);

-- Carry over what exists: the standard form, and each procedure's own
-- e-forms (one form per procedure, a version per distinct definition).
INSERT INTO forms (code, title, agency_id, standard, created_at)
SELECT 'to-khai-chung', 'Tờ khai chung (mẫu dùng chung)', NULL, true, s.updated_at
FROM standard_filing_form s;
INSERT INTO form_versions (form_id, number, definition, published_at)
SELECT f.id, 1, s.definition, s.updated_at FROM forms f, standard_filing_form s WHERE f.standard;

INSERT INTO forms (code, title, agency_id, created_at)
SELECT 'to-khai-' || replace(p.code, '.', '-'),
       left('Tờ khai: ' || (SELECT v.name FROM procedure_versions v WHERE v.procedure_id = p.id
                             ORDER BY v.version DESC LIMIT 1), 300),
       NULL, now()
FROM procedures p
WHERE EXISTS (SELECT 1 FROM procedure_versions v WHERE v.procedure_id = p.id AND v.eform IS NOT NULL);
INSERT INTO form_versions (form_id, number, definition, published_at)
SELECT f.id, row_number() OVER (PARTITION BY f.id ORDER BY first_version), d.eform, now()
FROM (SELECT v.procedure_id, v.eform, min(v.id) AS first_version
      FROM procedure_versions v WHERE v.eform IS NOT NULL GROUP BY v.procedure_id, v.eform) d
JOIN procedures p ON p.id = d.procedure_id
JOIN forms f ON f.code = 'to-khai-' || replace(p.code, '.', '-');
UPDATE procedure_versions v SET form_id = f.id
FROM procedures p JOIN forms f ON f.code = 'to-khai-' || replace(p.code, '.', '-')
WHERE p.id = v.procedure_id AND v.eform IS NOT NULL;

-- The definition a version's dossiers are filled with from a form version:
-- the standard form asks, before its declaration, which of the version's
-- fee exemption groups the applicant is in (migration 37's rule).
CREATE FUNCTION procedure_form(p_version_id bigint, p_form_version_id bigint) RETURNS jsonb
    LANGUAGE sql STABLE AS $$
SELECT CASE
           WHEN NOT f.standard OR groups.options IS NULL THEN fv.definition
           ELSE jsonb_insert(fv.definition, '{sections,-1}', jsonb_build_object(
               'title', jsonb_build_object('vi', 'Miễn, giảm phí', 'en', 'Fee exemption or reduction'),
               'fields', jsonb_build_array(jsonb_build_object(
                   'name', 'fee_exemption',
                   'label', jsonb_build_object('vi', 'Bạn thuộc đối tượng được miễn, giảm phí nào?',
                                               'en', 'Are you in a group exempted from the fee?'),
                   'help', jsonb_build_object(
                       'vi', 'Nếu chọn một đối tượng, tải lên giấy tờ chứng minh trong thành phần hồ sơ.',
                       'en', 'If you choose a group, upload the document that proves it with your documents.'),
                   'type', 'radio',
                   'required', true,
                   'options', jsonb_build_array(jsonb_build_object(
                       'value', 'khong',
                       'label', jsonb_build_object('vi', 'Không thuộc đối tượng nào', 'en', 'None of these'))
                   ) || groups.options))))
       END
FROM form_versions fv
JOIN forms f ON f.id = fv.form_id
LEFT JOIN LATERAL (
    SELECT jsonb_agg(jsonb_build_object(
               'value', e.code,
               'label', jsonb_build_object('vi', e.name, 'en', e.name))
           ORDER BY e.percent_off DESC, e.code) AS options
    FROM fee_exemptions e WHERE e.version_id = p_version_id
) groups ON true
WHERE fv.id = p_form_version_id
$$;

-- The form a version is filed with now: the live version of its own form,
-- or of the standard one.
CREATE OR REPLACE VIEW procedure_version_forms AS
SELECT v.id AS version_id,
       procedure_form(v.id, live.id) AS eform,
       coalesce(f.standard, true) AS standard,
       live.id AS form_version_id
FROM procedure_versions v
LEFT JOIN forms f ON f.id = coalesce(v.form_id, (SELECT id FROM forms WHERE standard))
LEFT JOIN LATERAL (
    SELECT fv.id FROM form_versions fv WHERE fv.form_id = f.id ORDER BY fv.number DESC LIMIT 1
) live ON true;

-- Dossiers filed before keep the version they were filed with.
UPDATE dossiers d SET form_version_id = pf.form_version_id
FROM procedure_version_forms pf WHERE pf.version_id = d.procedure_version_id;

-- The version in force, as migration 35 defined it, over the columns of
-- today (its `*` was expanded when it was made, `eform` included).
DROP VIEW current_procedure_versions;
ALTER TABLE procedure_versions DROP COLUMN eform;
CREATE VIEW current_procedure_versions AS
SELECT DISTINCT ON (procedure_id) *
FROM procedure_versions
WHERE published_at IS NOT NULL
  AND effective_from <= (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date
ORDER BY procedure_id, effective_from DESC, version DESC;
DROP TABLE standard_filing_form;
