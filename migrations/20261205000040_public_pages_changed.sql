-- Every instance keeps the public pages (home, catalogue, procedure pages,
-- the search API) in memory for anonymous visitors (server/src/page_cache).
-- Whatever changes what those pages show tells every instance to drop its
-- copies: one notification per statement, delivered at commit (and only
-- once per transaction, PostgreSQL folds identical ones).
CREATE FUNCTION notify_public_pages_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('public_pages_changed', '');
    RETURN NULL;
END;
$$;

DO $$
DECLARE
    shown text;
BEGIN
    FOREACH shown IN ARRAY ARRAY[
        'procedures', 'procedure_versions', 'procedure_agencies', 'procedure_documents',
        'procedure_fees', 'procedure_form_templates', 'fee_exemptions', 'workflow_steps',
        'standard_filing_form', 'agencies', 'one_stop_units', 'sectors',
        'administrative_units', 'calendar_days', 'calendar_years'
    ] LOOP
        EXECUTE format(
            'CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I
             FOR EACH STATEMENT EXECUTE FUNCTION notify_public_pages_changed()',
            shown || '_public_pages_changed', shown);
    END LOOP;
END;
$$;
