-- Issue 22, item 6: every official's reading of a dossier or one of its
-- files is kept in the audit log (`dossier_read`, detail: the dossier's
-- code, the file); its applicant sees who and when on the dossier's page,
-- which reads them by code.
CREATE INDEX audit_log_dossier_reads ON audit_log ((detail ->> 'dossier'), occurred_at)
    WHERE action = 'dossier_read';
