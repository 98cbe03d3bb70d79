-- An agency change a decision orders for a later day: a new name
-- (renaming) or a merger into a successor. Kept until its day, shown on the
-- agency's page (and cancellable) meanwhile, and carried out on that day by
-- the instances' regular run, exactly once (the row is locked and marked).
-- A change for today is carried out at once and never kept here.
CREATE TABLE agency_changes (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    agency_id bigint NOT NULL REFERENCES agencies (id),
    kind text NOT NULL CHECK (kind IN ('rename', 'merge')),
    name text,
    name_en text,
    successor_id bigint REFERENCES agencies (id),
    effective_on date NOT NULL,
    decided_by bigint NOT NULL REFERENCES users (id),
    decided_at timestamptz NOT NULL DEFAULT now(),
    -- done: carried out; refused: no longer possible on its day (the
    -- agency or its successor was merged meanwhile); cancelled.
    outcome text CHECK (outcome IN ('done', 'refused', 'cancelled')),
    settled_at timestamptz,
    CONSTRAINT agency_changes_rename CHECK ((kind = 'rename') = (name IS NOT NULL)),
    CONSTRAINT agency_changes_merge CHECK ((kind = 'merge') = (successor_id IS NOT NULL)),
    CONSTRAINT agency_changes_settled CHECK ((outcome IS NULL) = (settled_at IS NULL))
);

CREATE INDEX agency_changes_pending_idx ON agency_changes (effective_on) WHERE outcome IS NULL;
-- One pending change of each kind per agency: a second replaces nothing
-- silently, it is refused until the first is cancelled.
CREATE UNIQUE INDEX agency_changes_one_pending ON agency_changes (agency_id, kind) WHERE outcome IS NULL;
