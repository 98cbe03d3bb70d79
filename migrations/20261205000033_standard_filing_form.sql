-- The standard filing form: the e-form of every procedure version that has
-- none of its own, so that every procedure can be filed online (applicant,
-- optional authorised representative, how to receive the result,
-- declaration; the documents come from the version's own list). One row,
-- edited by administrators like any other content.
CREATE TABLE standard_filing_form (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    definition jsonb NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- The form a version is filed with: its own e-form, or the standard one.
CREATE VIEW procedure_version_forms AS
SELECT v.id AS version_id,
       COALESCE(v.eform, s.definition) AS eform,
       v.eform IS NULL AS standard
FROM procedure_versions v
LEFT JOIN standard_filing_form s ON s.singleton;
