-- Issue 22, item 6: how long the portal keeps what nobody needs any more,
-- as data an operator changes (`server/src/accounts/retention.rs` applies
-- it hourly). A draft dossier untouched for `draft_retention_days` is
-- deleted with its attachments (the files stay in the owner's wallet);
-- the assistant's exchanges are kept `assistant_retention_days`, long
-- enough for editors to learn from the questions nothing answered.
ALTER TABLE portal_settings
    ADD COLUMN draft_retention_days integer NOT NULL DEFAULT 180
        CHECK (draft_retention_days BETWEEN 7 AND 3650),
    ADD COLUMN assistant_retention_days integer NOT NULL DEFAULT 90
        CHECK (assistant_retention_days BETWEEN 1 AND 3650);
