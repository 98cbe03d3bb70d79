-- Counter filing: a reception officer files a dossier for a walk-in
-- applicant. Many have no account and some no email, so the one-stop shop
-- may record a citizen by their CCCD alone: such a record cannot sign in
-- (no password) until its owner sets one through "forgot password" with
-- the email given at the counter.
ALTER TABLE users
    ALTER COLUMN email DROP NOT NULL,
    ALTER COLUMN password_hash DROP NOT NULL,
    -- The official who recorded a walk-in applicant; NULL for accounts
    -- their owners registered and for officials.
    ADD COLUMN recorded_by bigint REFERENCES users (id),
    ADD CONSTRAINT users_account_or_counter_record CHECK (
        (email IS NOT NULL AND password_hash IS NOT NULL)
        OR (kind = 'citizen' AND recorded_by IS NOT NULL AND citizen_id IS NOT NULL));

-- Who filed the dossier when it was not the applicant: the reception
-- officer at the counter. Counter drafts are theirs to finish.
ALTER TABLE dossiers ADD COLUMN filed_by bigint REFERENCES users (id);
