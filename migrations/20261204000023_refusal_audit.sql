-- Refused requests (someone else's dossier or file, a citizen on a
-- back-office route, a wrong tracking PIN) go into audit_log, but at most
-- a few per actor (user, else address) and minute, so a flood of them
-- cannot flood the log. The count is kept here, shared by every instance:
-- refused minus the limit is how many were not written.
CREATE TABLE audit_refusal_counts (
    actor text NOT NULL,
    minute timestamptz NOT NULL,
    refused integer NOT NULL,
    PRIMARY KEY (actor, minute)
);
