-- How a required document is provided when filing online: uploaded as a
-- scan, replaced by the e-form (the tờ khai itself), or presented in person
-- (identity papers "xuất trình" are checked, not collected).
ALTER TABLE procedure_documents
    ADD COLUMN online_provision text NOT NULL DEFAULT 'upload'
        CHECK (online_provision IN ('upload', 'eform', 'present'));
