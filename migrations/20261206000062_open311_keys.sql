-- Open311 GeoReport v2 (issue 21): other systems file field reports with
-- an API key an administrator issues, as report tokens are. A token is
-- for one purpose: `reports` (read the reports API as a manager) or
-- `open311` (file and read field reports as the coordinating unit's
-- channel); one is never accepted for the other.
ALTER TABLE api_tokens
    ADD COLUMN purpose text NOT NULL DEFAULT 'reports' CHECK (purpose IN ('reports', 'open311'));

-- Reports filed through Open311 are limited per key owner (an hour's
-- window, app/src/access/throttle/rules.rs).
ALTER TABLE guess_attempts DROP CONSTRAINT guess_attempts_kind_check;
ALTER TABLE guess_attempts ADD CONSTRAINT guess_attempts_kind_check
    CHECK (kind IN ('password', 'second_factor', 'tracking_pin', 'registration', 'reset_request',
                    'agency_question', 'assistant_question', 'field_report', 'open311_report'));
