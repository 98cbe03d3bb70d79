-- A manager settles a flagged payment and says how.
ALTER TABLE payment_flags
    ADD COLUMN resolved_by bigint REFERENCES users (id),
    ADD COLUMN resolution text;

-- How the result reached the applicant: online (downloaded, kept in the
-- document wallet) or handed over at the one-stop desk.
ALTER TABLE dossiers
    ADD COLUMN result_delivery text CHECK (result_delivery IN ('online', 'counter'));
