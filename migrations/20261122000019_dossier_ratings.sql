-- Đánh giá mức độ hài lòng: once per dossier, by its applicant, after the
-- result was returned. Levels 1 (rất không hài lòng) to 5 (rất hài lòng).
CREATE TABLE dossier_ratings (
    dossier_id bigint PRIMARY KEY REFERENCES dossiers (id),
    rated_by bigint NOT NULL REFERENCES users (id),
    overall smallint NOT NULL CHECK (overall BETWEEN 1 AND 5),
    timeliness smallint NOT NULL CHECK (timeliness BETWEEN 1 AND 5),
    attitude smallint NOT NULL CHECK (attitude BETWEEN 1 AND 5),
    guidance smallint NOT NULL CHECK (guidance BETWEEN 1 AND 5),
    comment text CHECK (length(comment) <= 1000),
    created_at timestamptz NOT NULL DEFAULT now()
);
