-- Biểu 06, its charts and the service index for a long period without
-- reading every dossier of it (issue 16: a year over a million dossiers
-- took 2.2 s). What each dossier contributes is counted per Vietnam-local
-- day, agency, procedure version and channel as it happens, by the same
-- rules as `bieu06_dossiers` (which stays the definition: the lists behind
-- the numbers read it, and a test checks both agree on generated data):
--
--   measure  counted on the day …            when the dossier …
--    1       it was accepted (received_at)    was accepted
--    2, 3, 4 its result was issued            was accepted and its result issued early, on
--                                             time or late against the legal appointment
--    5       it was stopped (resolved_at)     was accepted and stopped without a result
--    6, 7    it was refused / withdrawn       was refused or withdrawn before acceptance
--    8       it was accepted                  … and was asked for a supplement more than once
--    9       it finished (2–5)                … likewise
--   10       its result was issued            late (4), with an apology (slip 04)
--   11       it was accepted                  … with at least one document as a file
--   12       it was accepted                  … reusing a document already digitised
--   13       it was resolved (resolved_at)    was returned electronically
--
-- So for a period [from, to]: new = Σ 1 over the period; carried over =
-- Σ 1 − Σ (2..5) over the days before it (accepted before and not finished
-- before); results, stops, refusals by their days in the period. What is
-- still pending at the period's end, within or past its appointment,
-- depends on the end itself and is counted from the dossiers (few: those
-- not finished by then).
--
-- Kept exact by the triggers below on every insert, update and delete of a
-- dossier and of its attachments; rows may come down to zero. Not kept by
-- TRUNCATE or with triggers disabled: rebuild with the INSERT at the end.

-- Whether a dossier holds a document as a file, and one already digitised
-- (a file attached to an earlier dossier, or an earlier dossier's result):
-- worked out when its attachments change rather than for every dossier of
-- a period at report time.
ALTER TABLE dossiers
    ADD COLUMN has_documents boolean NOT NULL DEFAULT false,
    ADD COLUMN reuses_documents boolean NOT NULL DEFAULT false;

CREATE INDEX dossier_attachments_file_idx ON dossier_attachments (file_id, attached_at);
CREATE INDEX dossiers_result_file_idx ON dossiers (result_file_id) WHERE result_file_id IS NOT NULL;

CREATE FUNCTION dossier_documents_digitised(dossier bigint) RETURNS TABLE (has_documents boolean, reuses boolean)
    LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM dossier_attachments a WHERE a.dossier_id = dossier),
           EXISTS (SELECT 1 FROM dossier_attachments a
                   WHERE a.dossier_id = dossier
                     AND (EXISTS (SELECT 1 FROM dossier_attachments e
                                  WHERE e.file_id = a.file_id AND e.dossier_id <> dossier
                                    AND e.attached_at < a.attached_at)
                          OR EXISTS (SELECT 1 FROM dossiers r
                                     WHERE r.result_file_id = a.file_id AND r.id <> dossier)))
$$;

CREATE FUNCTION dossier_attachments_mark_digitised() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    dossier bigint := CASE WHEN TG_OP = 'DELETE' THEN OLD.dossier_id ELSE NEW.dossier_id END;
BEGIN
    UPDATE dossiers d SET has_documents = f.has_documents, reuses_documents = f.reuses
    FROM dossier_documents_digitised(dossier) f
    WHERE d.id = dossier
      AND (d.has_documents, d.reuses_documents) IS DISTINCT FROM (f.has_documents, f.reuses);
    RETURN NULL;
END
$$;

CREATE TRIGGER dossier_attachments_mark_digitised
    AFTER INSERT OR DELETE OR UPDATE OF dossier_id, file_id, attached_at ON dossier_attachments
    FOR EACH ROW EXECUTE FUNCTION dossier_attachments_mark_digitised();

UPDATE dossiers d SET has_documents = f.has_documents, reuses_documents = f.reuses
FROM (SELECT DISTINCT dossier_id FROM dossier_attachments) a,
     LATERAL dossier_documents_digitised(a.dossier_id) f
WHERE d.id = a.dossier_id;

CREATE TABLE statistics_daily_dossiers (
    agency_id bigint NOT NULL,
    measure smallint NOT NULL,
    day date NOT NULL,
    procedure_version_id bigint NOT NULL,
    channel text NOT NULL,
    dossiers bigint NOT NULL,
    PRIMARY KEY (agency_id, measure, day, procedure_version_id, channel)
);

-- The measures one dossier row contributes (the table above).
CREATE FUNCTION statistics_dossier_measures(d dossiers) RETURNS TABLE (day date, measure smallint)
    LANGUAGE sql STABLE AS $$
    WITH local AS (
        SELECT (d.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS accepted,
               (d.result_issued_at AT TIME ZONE 'Asia/Ho_Chi_Minh') AS issued,
               (d.resolved_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS resolved,
               CASE WHEN d.received_at IS NULL THEN NULL
                    WHEN d.result_issued_at IS NOT NULL
                        THEN (CASE WHEN d.legal_due_at IS NULL THEN 3
                                   WHEN (d.result_issued_at AT TIME ZONE 'Asia/Ho_Chi_Minh') > d.legal_due_at THEN 4
                                   WHEN (d.result_issued_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date < d.legal_due_at::date THEN 2
                                   ELSE 3 END)
                    WHEN d.status = 'stopped' AND d.resolved_at IS NOT NULL THEN 5
               END AS finish
    )
    SELECT m.day, m.measure::smallint FROM local, LATERAL (VALUES
        (local.accepted, 1),
        (CASE WHEN local.finish = 5 THEN local.resolved ELSE local.issued::date END, local.finish),
        (CASE WHEN d.received_at IS NULL AND d.status = 'refused' THEN local.resolved END, 6),
        (CASE WHEN d.received_at IS NULL AND d.status = 'withdrawn' THEN local.resolved END, 7),
        (CASE WHEN d.repeat_supplement_requests > 0 THEN local.accepted END, 8),
        (CASE WHEN d.repeat_supplement_requests > 0 AND local.finish IS NOT NULL
              THEN CASE WHEN local.finish = 5 THEN local.resolved ELSE local.issued::date END END, 9),
        (CASE WHEN local.finish = 4 AND d.apologies > 0 THEN local.issued::date END, 10),
        (CASE WHEN d.has_documents THEN local.accepted END, 11),
        (CASE WHEN d.reuses_documents THEN local.accepted END, 12),
        (CASE WHEN d.status = 'returned' AND d.result_delivery = 'online' THEN local.resolved END, 13)
    ) AS m(day, measure)
    WHERE m.day IS NOT NULL AND m.measure IS NOT NULL
$$;

CREATE FUNCTION statistics_count_dossier() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO statistics_daily_dossiers AS x (agency_id, measure, day, procedure_version_id, channel, dossiers)
    SELECT c.agency_id, c.measure, c.day, c.procedure_version_id, c.channel, sum(c.sign)
    FROM (SELECT OLD.agency_id, m.measure, m.day, OLD.procedure_version_id, OLD.channel, -1 AS sign
          FROM statistics_dossier_measures(OLD) m WHERE TG_OP IN ('UPDATE', 'DELETE')
          UNION ALL
          SELECT NEW.agency_id, m.measure, m.day, NEW.procedure_version_id, NEW.channel, 1
          FROM statistics_dossier_measures(NEW) m WHERE TG_OP IN ('INSERT', 'UPDATE'))
         AS c(agency_id, measure, day, procedure_version_id, channel, sign)
    GROUP BY 1, 2, 3, 4, 5
    HAVING sum(c.sign) <> 0
    ON CONFLICT (agency_id, measure, day, procedure_version_id, channel) DO UPDATE
        SET dossiers = x.dossiers + EXCLUDED.dossiers;
    RETURN NULL;
END
$$;

-- A draft, or a dossier filed online and not yet accepted, contributes
-- nothing (every measure needs an acceptance or an end), so the triggers
-- do not even run for it: drafts are written on every save of the form.
CREATE TRIGGER dossiers_count_statistics_on_insert
    AFTER INSERT ON dossiers
    FOR EACH ROW WHEN (NEW.received_at IS NOT NULL OR NEW.resolved_at IS NOT NULL)
    EXECUTE FUNCTION statistics_count_dossier();

CREATE TRIGGER dossiers_count_statistics_on_delete
    AFTER DELETE ON dossiers
    FOR EACH ROW WHEN (OLD.received_at IS NOT NULL OR OLD.resolved_at IS NOT NULL)
    EXECUTE FUNCTION statistics_count_dossier();

CREATE TRIGGER dossiers_count_statistics_on_update
    AFTER UPDATE ON dossiers
    FOR EACH ROW WHEN ((OLD.agency_id, OLD.procedure_version_id, OLD.channel, OLD.status, OLD.received_at,
                        OLD.result_issued_at, OLD.resolved_at, OLD.legal_due_at, OLD.repeat_supplement_requests,
                        OLD.apologies, OLD.has_documents, OLD.reuses_documents, OLD.result_delivery)
                       IS DISTINCT FROM
                       (NEW.agency_id, NEW.procedure_version_id, NEW.channel, NEW.status, NEW.received_at,
                        NEW.result_issued_at, NEW.resolved_at, NEW.legal_due_at, NEW.repeat_supplement_requests,
                        NEW.apologies, NEW.has_documents, NEW.reuses_documents, NEW.result_delivery)
                       AND (OLD.received_at IS NOT NULL OR OLD.resolved_at IS NOT NULL
                            OR NEW.received_at IS NOT NULL OR NEW.resolved_at IS NOT NULL))
    EXECUTE FUNCTION statistics_count_dossier();

-- What is pending at a period's end: accepted, and neither given a result
-- nor stopped (yet, or before that end).
CREATE INDEX dossiers_unfinished_idx ON dossiers (agency_id)
    INCLUDE (received_at, resolved_at, legal_due_at, status, procedure_version_id, apologies)
    WHERE received_at IS NOT NULL AND result_issued_at IS NULL;
CREATE INDEX dossiers_result_issued_idx ON dossiers (agency_id, result_issued_at)
    INCLUDE (received_at, resolved_at, legal_due_at, status, procedure_version_id, apologies)
    WHERE result_issued_at IS NOT NULL;

-- The dossiers pending at the end of a period (Biểu 06 outcomes 3 and 4
-- of `bieu06_dossiers`): accepted by then, without a result by then, and
-- not stopped by then; past their legal appointment or not, and whether
-- the agency apologised (slip 04).
CREATE FUNCTION bieu06_pending(agencies bigint[], period_to date)
RETURNS TABLE (agency_id bigint, procedure_version_id bigint, overdue boolean, apologised boolean)
LANGUAGE sql STABLE AS $$
    WITH bounds AS MATERIALIZED (
        SELECT (period_to + 1)::timestamp AS ends_local,
               (period_to + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh' AS ends
    )
    SELECT d.agency_id, d.procedure_version_id,
           NOT (d.legal_due_at IS NULL OR d.status = 'awaiting_supplement' OR d.legal_due_at >= bounds.ends_local),
           d.apologies > 0
    FROM bounds
    JOIN LATERAL (
        SELECT * FROM dossiers u
        WHERE u.agency_id = ANY(agencies) AND u.received_at IS NOT NULL AND u.result_issued_at IS NULL
        UNION ALL
        SELECT * FROM dossiers l
        WHERE l.agency_id = ANY(agencies) AND l.result_issued_at >= bounds.ends
    ) d ON d.received_at < bounds.ends AND NOT (d.status = 'stopped' AND d.resolved_at < bounds.ends)
$$;

-- The dossiers already there.
INSERT INTO statistics_daily_dossiers (agency_id, measure, day, procedure_version_id, channel, dossiers)
SELECT d.agency_id, m.measure, m.day, d.procedure_version_id, d.channel, count(*)
FROM dossiers d, LATERAL statistics_dossier_measures(d) m
GROUP BY 1, 2, 3, 4, 5;

-- Payments settled at the counter are counted per day too (kind
-- 'counter_payment'), beside the online ones: the service index counts all
-- payments of a period, which joined a year's payments to their dossiers.
ALTER TABLE statistics_daily_extras DROP CONSTRAINT statistics_daily_extras_kind_check;
ALTER TABLE statistics_daily_extras ADD CONSTRAINT statistics_daily_extras_kind_check
    CHECK (kind IN ('supplement', 'payment', 'counter_payment', 'rating'));

CREATE OR REPLACE FUNCTION statistics_count_online_payment() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.settled_at IS NOT NULL THEN
        PERFORM statistics_daily_extras_count(OLD.dossier_id, OLD.settled_at,
            CASE WHEN OLD.gateway = 'counter' THEN 'counter_payment' ELSE 'payment' END, -1, OLD.amount_vnd, 0::smallint);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.settled_at IS NOT NULL THEN
        PERFORM statistics_daily_extras_count(NEW.dossier_id, NEW.settled_at,
            CASE WHEN NEW.gateway = 'counter' THEN 'counter_payment' ELSE 'payment' END, 1, NEW.amount_vnd, 0::smallint);
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION statistics_move_dossier_extras() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO statistics_daily_extras AS x (day, agency_id, procedure_version_id, kind, events, amount, satisfied)
    SELECT e.day, m.agency_id, m.procedure_version_id, e.kind, m.sign * count(*), m.sign * sum(e.amount),
           m.sign * count(*) FILTER (WHERE e.level >= 4)
    FROM (SELECT (occurred_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS day, 'supplement' AS kind,
                 0::bigint AS amount, 0 AS level
          FROM dossier_history WHERE dossier_id = NEW.id AND action = 'request_supplement'
          UNION ALL
          SELECT (settled_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date,
                 CASE WHEN gateway = 'counter' THEN 'counter_payment' ELSE 'payment' END, amount_vnd, 0
          FROM payments WHERE dossier_id = NEW.id AND settled_at IS NOT NULL
          UNION ALL
          SELECT (created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, 'rating', 0, overall
          FROM dossier_ratings WHERE dossier_id = NEW.id) e
    CROSS JOIN (VALUES (OLD.agency_id, OLD.procedure_version_id, -1), (NEW.agency_id, NEW.procedure_version_id, 1))
        AS m(agency_id, procedure_version_id, sign)
    GROUP BY e.day, e.kind, m.agency_id, m.procedure_version_id, m.sign
    ON CONFLICT (day, agency_id, procedure_version_id, kind) DO UPDATE
        SET events = x.events + EXCLUDED.events, amount = x.amount + EXCLUDED.amount,
            satisfied = x.satisfied + EXCLUDED.satisfied;
    RETURN NULL;
END
$$;

INSERT INTO statistics_daily_extras (day, agency_id, procedure_version_id, kind, events, amount, satisfied)
SELECT (p.settled_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, d.agency_id, d.procedure_version_id, 'counter_payment',
       count(*), sum(p.amount_vnd), 0
FROM payments p JOIN dossiers d ON d.id = p.dossier_id
WHERE p.gateway = 'counter' AND p.settled_at IS NOT NULL
GROUP BY 1, 2, 3;
