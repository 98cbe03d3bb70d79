-- Questions from people (issue 20 item 2): a signed-in citizen asks, the
-- responsible agency answers within the province's time (working days
-- from the working calendar), the answer is mailed and shown in the
-- citizen's account, and the answering official may propose it as an
-- article (personal details removed; published by a second person).

ALTER TABLE portal_settings
    ADD COLUMN question_answer_days integer NOT NULL DEFAULT 7 CHECK (question_answer_days BETWEEN 1 AND 60);

CREATE TABLE citizen_questions (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    asker_id bigint NOT NULL REFERENCES users (id),
    question text NOT NULL CHECK (length(question) BETWEEN 10 AND 2000),
    sector_id bigint REFERENCES sectors (id),
    procedure_id bigint REFERENCES procedures (id),
    -- Whose queue it is in.
    agency_id bigint NOT NULL REFERENCES agencies (id),
    asked_at timestamptz NOT NULL,
    due_on date NOT NULL,
    answer text,
    answered_by bigint REFERENCES users (id),
    answered_at timestamptz,
    -- The article proposed from it, if any.
    article_id bigint REFERENCES articles (id),
    CHECK ((answer IS NULL) = (answered_at IS NULL) AND (answer IS NULL) = (answered_by IS NULL))
);
CREATE INDEX citizen_questions_queue_idx ON citizen_questions (agency_id, due_on) WHERE answered_at IS NULL;
CREATE INDEX citizen_questions_asker_idx ON citizen_questions (asker_id, id);

-- Questions cost an official's time, and the assistant's answers the
-- database's: both are limited per account or address like other attempts.
ALTER TABLE guess_attempts DROP CONSTRAINT guess_attempts_kind_check;
ALTER TABLE guess_attempts ADD CONSTRAINT guess_attempts_kind_check
    CHECK (kind IN ('password', 'second_factor', 'tracking_pin', 'registration', 'reset_request',
                    'agency_question', 'assistant_question'));
