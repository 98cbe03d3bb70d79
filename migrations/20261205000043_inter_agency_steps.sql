-- Liên thông (issue 17 item 8): a workflow step may be taken by another
-- agency than the one that receives the dossier (a commune receives, the
-- land registration office examines, the commune's chairperson decides).
-- NULL: the receiving agency, as before.
ALTER TABLE workflow_steps ADD COLUMN agency_id bigint REFERENCES agencies (id);

-- The stage a dossier in `status` is at: the same mapping as Rust's
-- `Stage::of` (app/src/dossiers/workflow_steps/stage.rs; a test compares
-- the two for every status). NULL: the back office owes nothing now.
CREATE FUNCTION workflow_stage_of(status text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE status
        WHEN 'submitted' THEN 'reception'
        WHEN 'received' THEN 'processing'
        WHEN 'processing' THEN 'processing'
        WHEN 'awaiting_approval' THEN 'approval'
        WHEN 'result_ready' THEN 'return'
    END
$$;

-- The agency whose step the dossier is at now: its officials have it in
-- their inbox and act on it; otherwise (no step now, or a step of the
-- receiving agency) the receiving agency. Kept by a trigger, so every
-- path that moves a dossier keeps it right, on every instance.
ALTER TABLE dossiers ADD COLUMN handling_agency_id bigint REFERENCES agencies (id);

CREATE FUNCTION dossiers_keep_handling_agency() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    NEW.handling_agency_id := coalesce(
        (SELECT ws.agency_id FROM workflow_steps ws
         WHERE ws.version_id = NEW.procedure_version_id
           AND ws.stage = workflow_stage_of(NEW.status)),
        NEW.agency_id);
    RETURN NEW;
END
$$;

CREATE TRIGGER dossiers_keep_handling_agency
    BEFORE INSERT OR UPDATE OF status, agency_id, procedure_version_id ON dossiers
    FOR EACH ROW EXECUTE FUNCTION dossiers_keep_handling_agency();

UPDATE dossiers SET handling_agency_id = agency_id;
ALTER TABLE dossiers ALTER COLUMN handling_agency_id SET NOT NULL;

-- The inbox picks an agency's open dossiers by the agency handling them.
CREATE INDEX dossiers_handling_status_idx ON dossiers (handling_agency_id, status, due_at);
