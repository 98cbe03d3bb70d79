-- API tokens an administrator issues to a manager, for other systems to
-- read the reports (/api/v1/reports/...) as that manager. Only a SHA-256
-- of each token is kept: the token is shown once, when issued. A token
-- acts with its owner's current roles and scope, so disabling the account
-- or removing its manager role stops the token too.
CREATE TABLE api_tokens (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES users (id),
    label text NOT NULL CHECK (length(label) BETWEEN 1 AND 120),
    token_hash bytea NOT NULL UNIQUE,
    issued_by bigint NOT NULL REFERENCES users (id),
    issued_at timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz,
    revoked_at timestamptz
);

CREATE INDEX api_tokens_user_idx ON api_tokens (user_id);
