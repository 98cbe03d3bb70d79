-- A result is a document of the agency that decides it, numbered in that
-- agency's register of results for the year ("Số: 05/KQ-UBND"), not by the
-- dossier code. The number is taken when the leader approves; until then
-- the result the portal drafts from the answers is a draft (dự thảo, kind
-- 'result_draft'): unnumbered and unsigned. A result the specialist
-- uploads is the agency's own document, with its own number.
ALTER TABLE stored_files DROP CONSTRAINT stored_files_kind_check;
ALTER TABLE stored_files ADD CONSTRAINT stored_files_kind_check
    CHECK (kind IN ('upload', 'result', 'result_draft'));

ALTER TABLE document_registers DROP CONSTRAINT document_registers_form_check;
ALTER TABLE document_registers ADD CONSTRAINT document_registers_form_check
    CHECK (form IN ('01', '02', '03', '04', '05', 'KQ'));
