-- How a required document reaches the office when it is not replaced by an
-- e-form: identity papers marked "(xuất trình)" are shown at the counter,
-- everything else is uploaded. One rule for the seed and the draft editor.
CREATE FUNCTION document_provision(name text) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN name ILIKE '%(xuất trình)%' THEN 'present' ELSE 'upload' END
$$;
