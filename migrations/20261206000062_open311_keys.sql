-- Open311 GeoReport v2 (issue 21): other systems file field reports with
-- an API key an administrator issues, as report tokens are. A token is
-- for one purpose: `reports` (read the reports API as a manager) or
-- `open311` (file and read field reports as the coordinating unit's
-- channel); one is never accepted for the other.
ALTER TABLE api_tokens
    ADD COLUMN purpose text NOT NULL DEFAULT 'reports' CHECK (purpose IN ('reports', 'open311'));
