-- Quy trình nội bộ: each procedure version's steps through the back office,
-- the role that takes each and the working hours each may take. A step
-- covers one stage of the common state machine (app/src/dossiers/
-- workflow_steps.rs); processing, approval and return together take the
-- procedure's processing time, and reception (before the legal clock
-- starts at acceptance) has a budget of its own.
CREATE TABLE workflow_steps (
    version_id bigint NOT NULL REFERENCES procedure_versions (id),
    position integer NOT NULL CHECK (position BETWEEN 1 AND 4),
    stage text NOT NULL CHECK (stage IN ('reception', 'processing', 'approval', 'return')),
    role text NOT NULL CHECK (role IN ('reception', 'specialist', 'leader')),
    name text NOT NULL,
    name_en text,
    budget_hours integer NOT NULL CHECK (budget_hours >= 0),
    PRIMARY KEY (version_id, position),
    UNIQUE (version_id, stage)
);

-- The workflow a version gets until someone writes a better one: a working
-- day to check an online dossier (an hour for procedures counted in hours),
-- an eighth of the processing time each for the leader and for returning
-- the result, the rest for the specialist.
CREATE FUNCTION insert_default_workflow(version procedure_versions) RETURNS void
    LANGUAGE plpgsql AS $$
DECLARE
    total integer := CASE version.processing_time_unit
        WHEN 'working_days' THEN version.processing_time_value * 8
        ELSE version.processing_time_value END;
    share integer := CASE WHEN total >= 3 THEN greatest(1, total / 8) ELSE 0 END;
BEGIN
    INSERT INTO workflow_steps (version_id, position, stage, role, name, name_en, budget_hours) VALUES
        (version.id, 1, 'reception', 'reception', 'Tiếp nhận, kiểm tra hồ sơ', 'Receive and check the dossier',
         CASE version.processing_time_unit WHEN 'working_days' THEN 8 ELSE 1 END),
        (version.id, 2, 'processing', 'specialist', 'Thẩm định hồ sơ, dự thảo kết quả',
         'Examine the dossier and draft the result', total - 2 * share),
        (version.id, 3, 'approval', 'leader', 'Lãnh đạo xem xét, phê duyệt kết quả',
         'The leader reviews and approves the result', share),
        (version.id, 4, 'return', 'reception', 'Trả kết quả cho người nộp',
         'Release the result to the applicant', share);
END
$$;

CREATE FUNCTION give_new_version_a_workflow() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM insert_default_workflow(NEW);
    RETURN NEW;
END
$$;

-- Every version has a workflow from the moment it exists; the demo seed
-- then replaces it where the catalogue gives one.
CREATE TRIGGER procedure_versions_get_a_workflow
    AFTER INSERT ON procedure_versions
    FOR EACH ROW EXECUTE FUNCTION give_new_version_a_workflow();

-- Versions stored before workflows existed.
SELECT insert_default_workflow(v) FROM procedure_versions v;
