-- A person asks for their data to be corrected (Law 91/2025/QH15, the
-- right to correction): about their account's identity data, or about a
-- dossier of theirs. Account requests go to the province's
-- administrators, dossier requests to the administrators whose reach
-- takes in the dossier's agency; each is answered (corrected, or refused
-- with the reason) and the person sees the answer on their data page.

CREATE TABLE correction_requests (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES users (id),
    about text NOT NULL CHECK (about IN ('account', 'dossier')),
    dossier_id bigint REFERENCES dossiers (id),
    details text NOT NULL CHECK (length(details) BETWEEN 1 AND 2000),
    created_at timestamptz NOT NULL DEFAULT now(),
    status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'corrected', 'refused')),
    answer text CHECK (length(answer) <= 2000),
    answered_by bigint REFERENCES users (id),
    answered_at timestamptz,
    CHECK ((about = 'dossier') = (dossier_id IS NOT NULL)),
    CHECK ((status = 'open') = (answered_at IS NULL)),
    CHECK (status <> 'refused' OR length(answer) > 0)
);

CREATE INDEX correction_requests_open_idx ON correction_requests (created_at) WHERE status = 'open';
CREATE INDEX correction_requests_user_idx ON correction_requests (user_id);
