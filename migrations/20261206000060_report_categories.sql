-- Field reports (phản ánh hiện trường, issue 21): what citizens report, in
-- two levels ("Hạ tầng đô thị" → "Đèn chiếu sáng hỏng"). A second-level
-- category says who handles it — the People's Committee of the commune
-- where it is, or one agency — and in what time (app/src/field_reports/
-- sla.rs). The province's data, seeded from server/seed/
-- report_categories.json through the same store; every change is kept.
CREATE TABLE report_categories (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,59}$'),
    parent_id bigint REFERENCES report_categories (id),
    name_vi text NOT NULL CHECK (length(name_vi) BETWEEN 1 AND 120),
    name_en text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 120),
    handler text CHECK (handler IN ('commune', 'agency')),
    agency_id bigint REFERENCES agencies (id),
    sla_unit text CHECK (sla_unit IN ('immediate', 'working_hours', 'working_days')),
    sla_amount integer CHECK (sla_amount BETWEEN 1 AND 365),
    photo_required boolean NOT NULL DEFAULT false,
    place_required boolean NOT NULL DEFAULT true,
    public_by_default boolean NOT NULL DEFAULT true,
    position integer NOT NULL DEFAULT 0,
    archived_at timestamptz,
    -- Only the second level is handled; the first groups.
    CHECK ((parent_id IS NULL) = (handler IS NULL) AND (parent_id IS NULL) = (sla_unit IS NULL)),
    CHECK (CASE WHEN handler = 'agency' THEN agency_id IS NOT NULL ELSE agency_id IS NULL END),
    -- "immediate" counts clock hours, day or night; the others working time.
    CHECK ((sla_unit IS NULL) = (sla_amount IS NULL))
);

-- Two levels, no more.
CREATE FUNCTION report_categories_two_levels() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.parent_id IS NOT NULL AND (
        EXISTS (SELECT 1 FROM report_categories WHERE id = NEW.parent_id AND parent_id IS NOT NULL)
        OR EXISTS (SELECT 1 FROM report_categories WHERE parent_id = NEW.id)
    ) THEN
        RAISE EXCEPTION 'a report category has at most two levels' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER report_categories_two_levels BEFORE INSERT OR UPDATE OF parent_id ON report_categories
    FOR EACH ROW EXECUTE FUNCTION report_categories_two_levels();

-- Every change of a category, by whom (none: the seed), before and after.
CREATE TABLE report_category_changes (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    category_id bigint NOT NULL REFERENCES report_categories (id),
    changed_by bigint REFERENCES users (id),
    changed_at timestamptz NOT NULL DEFAULT now(),
    before jsonb,
    after jsonb NOT NULL
);
CREATE INDEX report_category_changes_category_idx ON report_category_changes (category_id, id);
