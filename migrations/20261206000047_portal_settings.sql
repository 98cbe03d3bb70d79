-- What the portal says of its operator on every page: the help line and
-- where feedback goes. A province's own data, kept by its administrators
-- (/quan-tri/cai-dat), not the software's texts. One row; every change
-- tells the instances to drop their cached public pages.
CREATE TABLE portal_settings (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    -- Digits as dialled ("18001096"), and how it is shown, per language.
    hotline_number text NOT NULL CHECK (hotline_number ~ '^[0-9]{3,15}$'),
    hotline_hours_vi text NOT NULL,
    hotline_hours_en text NOT NULL,
    feedback_email text NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER portal_settings_public_pages_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON portal_settings
    FOR EACH STATEMENT EXECUTE FUNCTION notify_public_pages_changed();
