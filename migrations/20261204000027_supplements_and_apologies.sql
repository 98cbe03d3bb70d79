-- "Hướng dẫn một lần, đầy đủ": a dossier's supplements beyond the first are
-- exceptional (a leader's decision, with a reason), and slip 04 apologies
-- beyond the first are flagged. Both are counted on the dossier so the
-- officials' page and the statistics can show them.
ALTER TABLE dossiers
    ADD COLUMN repeat_supplement_requests integer NOT NULL DEFAULT 0
        CHECK (repeat_supplement_requests >= 0),
    ADD COLUMN apologies integer NOT NULL DEFAULT 0 CHECK (apologies >= 0);
