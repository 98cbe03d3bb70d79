-- A draft sits at some agency (agency_id is required), but one created
-- before the citizen chose "Nơi nộp hồ sơ" (by an upload) must not show
-- that agency as chosen: the filing page asks instead.
ALTER TABLE dossiers ADD COLUMN agency_chosen boolean NOT NULL DEFAULT true;
