-- Optional generated answers (issue 20, item 7): when a chat endpoint is
-- configured, the assistant may phrase its answer from the retrieved
-- sources, shown only when every citation and every number checks out.
-- An administrator switches it off at once here.
ALTER TABLE portal_settings
    ADD COLUMN generated_answers boolean NOT NULL DEFAULT true;

-- A phrased reply is kept as such, with the grounded reply it was made from.
ALTER TABLE assistant_exchanges DROP CONSTRAINT assistant_exchanges_reply_kind_check;
ALTER TABLE assistant_exchanges ADD CONSTRAINT assistant_exchanges_reply_kind_check
    CHECK (reply_kind IN ('article', 'procedure_field', 'passages', 'no_answer', 'own_dossier',
                          'complaint', 'phrased'));
