-- The optional morning digest of due-soon and overdue dossiers for officials.
ALTER TABLE users ADD COLUMN wants_daily_digest boolean NOT NULL DEFAULT false;

-- One row per day the digest went out: the instance that inserts it sends
-- that day's mail, every other instance finds the day taken.
CREATE TABLE digest_runs (
    day date PRIMARY KEY,
    ran_at timestamptz NOT NULL DEFAULT now()
);
