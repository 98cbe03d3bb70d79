-- A procedure's sector, level and implementing agency are part of each
-- version, edited in its draft (or set by an import) and published with it
-- like every other field. `procedures.sector_id`, `procedures.agency_level`
-- and `procedure_agencies` (which the catalogue, the filing and the counter
-- read) follow the version in force: `apply_procedure_placements()` brings
-- them in line when a version becomes current — at publication for one in
-- force at once, and by the instances' regular run for one scheduled.
ALTER TABLE procedure_versions
    ADD COLUMN sector_id bigint REFERENCES sectors (id),
    ADD COLUMN agency_level text CHECK (agency_level IN ('province', 'commune')),
    -- A provincial procedure's implementing department; NULL: the
    -- province's committee (and, for a commune procedure, every commune).
    ADD COLUMN implementing_agency_id bigint REFERENCES agencies (id);

-- Which version's placement the procedure row and its agencies follow.
ALTER TABLE procedures ADD COLUMN placement_version_id bigint REFERENCES procedure_versions (id);

UPDATE procedure_versions v
SET sector_id = p.sector_id,
    agency_level = p.agency_level,
    implementing_agency_id = (SELECT pa.agency_id FROM procedure_agencies pa JOIN agencies a ON a.id = pa.agency_id
                              WHERE pa.procedure_id = p.id AND a.kind = 'department' ORDER BY a.id LIMIT 1)
FROM procedures p WHERE p.id = v.procedure_id;

UPDATE procedures p SET placement_version_id = c.id
FROM current_procedure_versions c WHERE c.procedure_id = p.id;

-- A version written without a placement (a new procedure's first, the
-- seed's) takes the procedure's as it stands.
CREATE FUNCTION default_version_placement() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.sector_id IS NULL OR NEW.agency_level IS NULL THEN
        SELECT p.sector_id, p.agency_level,
               (SELECT pa.agency_id FROM procedure_agencies pa JOIN agencies a ON a.id = pa.agency_id
                WHERE pa.procedure_id = p.id AND a.kind = 'department' ORDER BY a.id LIMIT 1)
        INTO NEW.sector_id, NEW.agency_level, NEW.implementing_agency_id
        FROM procedures p WHERE p.id = NEW.procedure_id;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER procedure_versions_default_placement BEFORE INSERT ON procedure_versions
    FOR EACH ROW EXECUTE FUNCTION default_version_placement();

ALTER TABLE procedure_versions
    ALTER COLUMN sector_id SET NOT NULL,
    ALTER COLUMN agency_level SET NOT NULL;

-- Brings every procedure whose version in force changed since into line
-- with that version's placement: its sector and level, and the agencies
-- that receive its dossiers (every commune still in office, or the
-- department — its successor, if it was merged — or the province's
-- committee). Idempotent: safe on every instance at once (the procedure
-- rows are locked). Returns how many procedures changed.
CREATE FUNCTION apply_procedure_placements() RETURNS integer
    LANGUAGE plpgsql AS $$
DECLARE
    due record;
    department bigint;
    changed integer := 0;
BEGIN
    FOR due IN
        SELECT p.id, v.id AS version_id, v.sector_id, v.agency_level, v.implementing_agency_id
        FROM procedures p JOIN current_procedure_versions c ON c.procedure_id = p.id
        JOIN procedure_versions v ON v.id = c.id
        WHERE p.placement_version_id IS DISTINCT FROM c.id
        ORDER BY p.id
        FOR UPDATE OF p SKIP LOCKED
    LOOP
        UPDATE procedures SET sector_id = due.sector_id, agency_level = due.agency_level,
                              placement_version_id = due.version_id
        WHERE id = due.id;
        department := due.implementing_agency_id;
        WHILE department IS NOT NULL AND EXISTS (SELECT 1 FROM agencies WHERE id = department AND merged_into IS NOT NULL) LOOP
            SELECT merged_into INTO department FROM agencies WHERE id = department;
        END LOOP;
        DELETE FROM procedure_agencies WHERE procedure_id = due.id;
        INSERT INTO procedure_agencies (procedure_id, agency_id)
        SELECT due.id, a.id FROM agencies a
        WHERE a.merged_into IS NULL
          AND CASE WHEN due.agency_level = 'commune' THEN a.kind = 'commune'
                   WHEN department IS NOT NULL THEN a.id = department
                   ELSE a.kind = 'province' END;
        changed := changed + 1;
    END LOOP;
    RETURN changed;
END
$$;
