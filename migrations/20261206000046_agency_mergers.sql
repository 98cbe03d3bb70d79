-- Agencies change: a commune is renamed, two wards merge. A dossier keeps
-- the name of the agency it was filed with (`agency_name_filed`, taken
-- when the dossier is created and never changed), so a rename leaves old
-- dossiers as the applicant knows them; documents issued later carry the
-- name of the day.
ALTER TABLE dossiers ADD COLUMN agency_name_filed text;
UPDATE dossiers d SET agency_name_filed = a.name FROM agencies a WHERE a.id = d.agency_id;

CREATE FUNCTION dossiers_keep_filed_agency_name() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    -- A draft may still change its agency; once submitted the name stays.
    IF TG_OP = 'INSERT' OR NEW.submitted_at IS NULL OR OLD.submitted_at IS NULL THEN
        NEW.agency_name_filed := (SELECT name FROM agencies WHERE id = NEW.agency_id);
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER dossiers_keep_filed_agency_name
    BEFORE INSERT OR UPDATE OF agency_id, submitted_at ON dossiers
    FOR EACH ROW EXECUTE FUNCTION dossiers_keep_filed_agency_name();

-- A merger (sáp nhập): the merged agency's open dossiers, drafts,
-- procedures and officials pass to its successor, which handles and
-- reports them from then on; what the merged agency finished stays its
-- own. The merged agency is kept, marked, so old dossiers and reports
-- still name it.
ALTER TABLE agencies
    ADD COLUMN merged_into bigint REFERENCES agencies (id),
    ADD COLUMN merged_on date,
    ADD CONSTRAINT agencies_merged_with_date CHECK ((merged_into IS NULL) = (merged_on IS NULL)),
    ADD CONSTRAINT agencies_not_merged_into_itself CHECK (merged_into <> id);
