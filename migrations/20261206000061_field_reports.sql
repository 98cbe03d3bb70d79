-- Field reports (phản ánh hiện trường, issue 21): a citizen — or a counter
-- officer or the hotline for a caller — reports a problem at a place. The
-- coordinating unit (the operations centre, role `coordinator`) receives
-- every report and forwards, merges or refuses it; the handling agency
-- assigns an official, who answers; the coordinator publishes the answer;
-- the reporter rates it and may reopen it for a number of days.

ALTER TABLE user_roles DROP CONSTRAINT user_roles_role_check;
ALTER TABLE user_roles ADD CONSTRAINT user_roles_role_check
    CHECK (role IN ('reception', 'specialist', 'leader', 'manager', 'administrator',
                    'form_designer', 'editor', 'coordinator'));

-- How long after the answer is published the reporter may say it is not
-- fixed (HCMC 1022's "phản ánh lại"); the province's choice.
ALTER TABLE portal_settings
    ADD COLUMN report_reopen_days integer NOT NULL DEFAULT 7 CHECK (report_reopen_days BETWEEN 1 AND 60);

-- PA-YYYY-NNNNNN: numbered per year without gaps. The row is taken with
-- INSERT … ON CONFLICT DO UPDATE in the filing transaction, so parallel
-- filings queue on it and a rolled-back filing gives its number back.
CREATE TABLE field_report_counters (
    year integer PRIMARY KEY,
    last_number integer NOT NULL CHECK (last_number > 0)
);

CREATE TABLE field_reports (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code text NOT NULL UNIQUE CHECK (code ~ '^PA-[0-9]{4}-[0-9]{6}$'),
    category_id bigint NOT NULL REFERENCES report_categories (id),
    -- Who reported: an account, or a caller an official filed for.
    reporter_id bigint REFERENCES users (id),
    caller_name text CHECK (length(caller_name) BETWEEN 1 AND 120),
    caller_phone text CHECK (caller_phone ~ '^[0-9+ ]{6,20}$'),
    channel text NOT NULL CHECK (channel IN ('web', 'counter', 'hotline', 'open311')),
    filed_by bigint REFERENCES users (id),
    description text NOT NULL CHECK (length(description) BETWEEN 10 AND 4000),
    -- The place: a commune of the 2025 units, a street or landmark, and a
    -- point when the reporter (or their photo) gave one.
    commune_code text REFERENCES administrative_units (code),
    street text CHECK (length(street) <= 200),
    latitude double precision CHECK (latitude BETWEEN -90 AND 90),
    longitude double precision CHECK (longitude BETWEEN -180 AND 180),
    place_from_photo boolean NOT NULL DEFAULT false,
    public boolean NOT NULL,
    status text NOT NULL CHECK (status IN ('received', 'forwarded', 'in_progress', 'answered',
                                           'resolved', 'refused', 'merged')),
    agency_id bigint REFERENCES agencies (id),
    assignee_id bigint REFERENCES users (id),
    received_at timestamptz NOT NULL,
    due_at timestamptz NOT NULL,
    -- The escalation job's marks, each set once per due time.
    warned_at timestamptz,
    escalated_at timestamptz,
    merged_into bigint REFERENCES field_reports (id),
    refusal_reason text CHECK (refusal_reason IN ('spam', 'out_of_scope', 'complaint',
                                                  'denunciation', 'other_channel')),
    refusal_note text,
    answer text CHECK (length(answer) <= 4000),
    answered_by bigint REFERENCES users (id),
    answered_at timestamptz,
    published_at timestamptz,
    -- An agency's request for more time, until the coordinator decides.
    extension_until timestamptz,
    extension_reason text,
    CHECK ((reporter_id IS NULL) = (caller_name IS NOT NULL)),
    CHECK ((latitude IS NULL) = (longitude IS NULL)),
    CHECK (status <> 'refused' OR (refusal_reason IS NOT NULL AND length(refusal_note) >= 5)),
    CHECK ((status = 'merged') = (merged_into IS NOT NULL)),
    CHECK (status IN ('received', 'refused', 'merged') OR agency_id IS NOT NULL),
    CHECK (status NOT IN ('answered', 'resolved') OR answer IS NOT NULL),
    CHECK (status <> 'resolved' OR published_at IS NOT NULL)
);
CREATE INDEX field_reports_queue_idx ON field_reports (status, due_at);
CREATE INDEX field_reports_agency_idx ON field_reports (agency_id, due_at)
    WHERE status IN ('forwarded', 'in_progress', 'answered');
CREATE INDEX field_reports_reporter_idx ON field_reports (reporter_id, id);
CREATE INDEX field_reports_nearby_idx ON field_reports (category_id, received_at);
CREATE INDEX field_reports_board_idx ON field_reports (id DESC)
    WHERE public AND status IN ('forwarded', 'in_progress', 'answered', 'resolved');

-- What happened to a report, in order. `visible`: shown to the reporter and
-- followers (and on the board for a public report); the rest (who was
-- assigned, a returned report's reason) is for officials.
CREATE TABLE field_report_events (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    report_id bigint NOT NULL REFERENCES field_reports (id),
    at timestamptz NOT NULL,
    actor_id bigint REFERENCES users (id),
    kind text NOT NULL CHECK (kind IN ('filed', 'forwarded', 'refused', 'merged', 'assigned',
                                       'returned', 'extension_asked', 'extension_granted',
                                       'extension_declined', 'answered', 'answer_returned',
                                       'published', 'reopened', 'rated', 'followed',
                                       'due_soon', 'escalated')),
    agency_id bigint REFERENCES agencies (id),
    note text,
    visible boolean NOT NULL
);
CREATE INDEX field_report_events_report_idx ON field_report_events (report_id, id);

-- Who is told of each step: the reporter, those who followed it ("+1"),
-- and the reporters of duplicates merged into it.
CREATE TABLE field_report_followers (
    report_id bigint NOT NULL REFERENCES field_reports (id),
    user_id bigint NOT NULL REFERENCES users (id),
    since timestamptz NOT NULL,
    PRIMARY KEY (report_id, user_id)
);
CREATE INDEX field_report_followers_user_idx ON field_report_followers (user_id);

-- Photos, stored without any metadata (see server/src/field_reports/photos.rs):
-- `before` with the report, `after` with the agency's answer.
CREATE TABLE field_report_photos (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    report_id bigint NOT NULL REFERENCES field_reports (id),
    file_id bigint NOT NULL UNIQUE REFERENCES stored_files (id),
    stage text NOT NULL CHECK (stage IN ('before', 'after')),
    position integer NOT NULL
);
CREATE INDEX field_report_photos_report_idx ON field_report_photos (report_id, stage, position);

-- One rating per person per report; a new one replaces it.
CREATE TABLE field_report_ratings (
    report_id bigint NOT NULL REFERENCES field_reports (id),
    user_id bigint NOT NULL REFERENCES users (id),
    stars smallint NOT NULL CHECK (stars BETWEEN 1 AND 5),
    comment text CHECK (length(comment) <= 1000),
    rated_at timestamptz NOT NULL,
    PRIMARY KEY (report_id, user_id)
);

-- Filing reports costs the coordinators' time: limited per account.
ALTER TABLE guess_attempts DROP CONSTRAINT guess_attempts_kind_check;
ALTER TABLE guess_attempts ADD CONSTRAINT guess_attempts_kind_check
    CHECK (kind IN ('password', 'second_factor', 'tracking_pin', 'registration', 'reset_request',
                    'agency_question', 'assistant_question', 'field_report'));

-- A report's photos are stored files of their own kind: never in the
-- citizen's document wallet, never attached to a dossier.
ALTER TABLE stored_files DROP CONSTRAINT stored_files_kind_check;
ALTER TABLE stored_files ADD CONSTRAINT stored_files_kind_check
    CHECK (kind IN ('upload', 'result', 'result_draft', 'report_photo'));
