-- The e-form of a procedure version (app::eforms::FormDefinition as JSON);
-- NULL where the version has no online form yet.
ALTER TABLE procedure_versions ADD COLUMN eform jsonb;
