-- Signed documents (issue 17 item 18). Slips 02–05 are now stored as
-- issued, like slip 01, so a download serves the signed bytes (slips issued
-- before this have no file and are printed again on demand, unsigned). Each
-- stored slip and each result file records who signed it (the
-- certificate's common name), which the dossier's pages show; NULL: not
-- signed.
ALTER TABLE issued_documents DROP CONSTRAINT issued_documents_check1;
ALTER TABLE issued_documents ADD CONSTRAINT issued_documents_receipt_is_stored
    CHECK (form <> '01' OR pdf IS NOT NULL);
ALTER TABLE issued_documents ADD COLUMN signed_by text;
ALTER TABLE stored_files ADD COLUMN signed_by text;
