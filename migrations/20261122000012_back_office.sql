-- The back office: who holds a dossier, where a supplement returns to, the
-- clock's pauses, the result, and an optimistic version so two officials
-- acting at once cannot both change the same state.
ALTER TABLE dossiers
    ADD COLUMN version integer NOT NULL DEFAULT 0,
    -- The specialist processing it (after assignment).
    ADD COLUMN assignee_id bigint REFERENCES users (id),
    -- While awaiting a supplement: the status it returns to, who asked, and
    -- since when the clock is stopped.
    ADD COLUMN resumes_to text,
    ADD COLUMN supplement_requested_by bigint REFERENCES users (id),
    ADD COLUMN paused_at timestamptz,
    -- When reception accepted it (the appointment counts from then).
    ADD COLUMN received_at timestamptz,
    -- When it reached a final state (returned, refused, stopped, withdrawn).
    ADD COLUMN resolved_at timestamptz,
    -- The result document, once a specialist attached it.
    ADD COLUMN result_file_id bigint REFERENCES stored_files (id),
    ADD CONSTRAINT dossiers_supplement_pause CHECK ((status = 'awaiting_supplement') = (resumes_to IS NOT NULL));

CREATE INDEX dossiers_assignee_idx ON dossiers (assignee_id, status) WHERE assignee_id IS NOT NULL;

-- What each history entry did (accept, assign, …), so the history replays
-- through the state machine.
ALTER TABLE dossier_history ADD COLUMN action text;

-- Files: what a citizen uploaded, or a result issued to them (which then
-- sits in their document wallet too).
ALTER TABLE stored_files
    ADD COLUMN kind text NOT NULL DEFAULT 'upload' CHECK (kind IN ('upload', 'result'));

-- Notes officials leave each other on a dossier; never shown to the citizen.
CREATE TABLE dossier_comments (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    dossier_id bigint NOT NULL REFERENCES dossiers (id),
    author_id bigint NOT NULL REFERENCES users (id),
    body text NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX dossier_comments_dossier_idx ON dossier_comments (dossier_id, created_at);

-- What the portal told a user (also mailed); unread until opened.
CREATE TABLE notifications (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES users (id),
    dossier_id bigint REFERENCES dossiers (id),
    title text NOT NULL,
    body text NOT NULL,
    link text,
    created_at timestamptz NOT NULL DEFAULT now(),
    read_at timestamptz
);

CREATE INDEX notifications_unread_idx ON notifications (user_id, created_at DESC) WHERE read_at IS NULL;
