-- Biểu 06 (app/src/statistics/store.rs) for a whole year over every agency.
--
-- Measured on a generated year of 1,000,000 dossiers
-- (server/src/seed/generated_year.sql: 5.9M history rows, 72k payments,
-- 253k ratings) on a 2-core machine, the two report queries took about
-- 3.3 s + 1.1 s for the year (1.1–1.7 s in all for a month or a quarter).
-- What they spent it on:
--  - the count of dossiers converted timestamps to Vietnam time about twenty
--    times per dossier (every FILTER re-evaluates the CTE's expressions),
--    which no index can avoid;
--  - the supplements, payments and ratings beside the table (391k events in
--    the year) were found by sequential scans, the dates being expressions,
--    and each was joined to its dossier for the agency and the procedure.
-- With the rewritten queries (period bounds compared as timestamptz, each
-- dossier classified once) and the objects below, the year takes about
-- 0.24 s + 0.06 s, a quarter 0.13 s and a month 0.07–0.12 s in all. The old
-- queries keep giving the same answers with or without them.

-- The dossiers in play in a period, by agency and submission time, with
-- every column the count reads (an index-only scan, no heap visits) and,
-- as a key expression, when a finished dossier was resolved against its
-- legal appointment in Vietnam time: 0 early (before the appointment's
-- day), 1 on time, 2 late, NULL while unresolved. bieu06_dossiers
-- (migration 22) spells out the very same expression, so the planner reads its value
-- from the index instead of computing it per row (the time-zone conversions
-- were most of the cost). Change the two together: if they drift apart
-- the query stays right and only becomes slower. (Index-only scans need the
-- expression's columns too, hence resolved_at and legal_due_at in INCLUDE.)
CREATE INDEX dossiers_statistics_idx ON dossiers (agency_id, submitted_at,
    (CASE WHEN resolved_at IS NULL THEN NULL
          WHEN legal_due_at IS NULL THEN 1
          WHEN (resolved_at AT TIME ZONE 'Asia/Ho_Chi_Minh') > legal_due_at THEN 2
          WHEN (resolved_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date < legal_due_at::date THEN 0
          ELSE 1 END))
    INCLUDE (resolved_at, legal_due_at, status, channel, procedure_version_id);

-- The events beside the table, counted per Vietnam-local day, agency and
-- procedure version as they happen, so a period's supplements requested,
-- online payments settled (count and amount) and ratings given (and how
-- many of them satisfied, 4 or 5) are a sum over a few thousand rows a
-- month instead of a join of every event to its dossier. Kept exact by the
-- triggers below on every insert, update and delete of the events and on a
-- dossier moving to another agency or version; rows may come down to zero
-- (the query ignores groups that sum to nothing). Not kept by TRUNCATE or
-- with triggers disabled: rebuild with the INSERT at the end of this file.
CREATE TABLE statistics_daily_extras (
    day date NOT NULL,
    agency_id bigint NOT NULL,
    procedure_version_id bigint NOT NULL,
    kind text NOT NULL CHECK (kind IN ('supplement', 'payment', 'rating')),
    events bigint NOT NULL,
    amount bigint NOT NULL,
    satisfied bigint NOT NULL,
    PRIMARY KEY (day, agency_id, procedure_version_id, kind)
);

-- Adds (sign 1) or takes away (sign -1) one event of a dossier.
CREATE FUNCTION statistics_daily_extras_count(dossier bigint, occurred timestamptz, what text, sign integer,
                                              vnd bigint, level smallint) RETURNS void
    LANGUAGE sql AS $$
    INSERT INTO statistics_daily_extras AS x (day, agency_id, procedure_version_id, kind, events, amount, satisfied)
    SELECT (occurred AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, d.agency_id, d.procedure_version_id, what,
           sign, sign * vnd, sign * (level >= 4)::int
    FROM dossiers d WHERE d.id = dossier
    ON CONFLICT (day, agency_id, procedure_version_id, kind) DO UPDATE
        SET events = x.events + EXCLUDED.events, amount = x.amount + EXCLUDED.amount,
            satisfied = x.satisfied + EXCLUDED.satisfied
$$;

-- Supplements requested (the history is append-only: inserts only).
CREATE FUNCTION statistics_count_supplement_request() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM statistics_daily_extras_count(NEW.dossier_id, NEW.occurred_at, 'supplement', 1, 0, 0::smallint);
    RETURN NULL;
END
$$;

CREATE TRIGGER dossier_history_counts_supplement_requests
    AFTER INSERT ON dossier_history
    FOR EACH ROW WHEN (NEW.action = 'request_supplement')
    EXECUTE FUNCTION statistics_count_supplement_request();

-- Online payments settled, by the day they were settled (a later refund
-- leaves settled_at, so the payment still counts, as in the report).
CREATE FUNCTION statistics_count_online_payment() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.gateway <> 'counter' AND OLD.settled_at IS NOT NULL THEN
        PERFORM statistics_daily_extras_count(OLD.dossier_id, OLD.settled_at, 'payment', -1, OLD.amount_vnd, 0::smallint);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.gateway <> 'counter' AND NEW.settled_at IS NOT NULL THEN
        PERFORM statistics_daily_extras_count(NEW.dossier_id, NEW.settled_at, 'payment', 1, NEW.amount_vnd, 0::smallint);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER payments_count_online_payments
    AFTER INSERT OR DELETE OR UPDATE OF dossier_id, gateway, amount_vnd, settled_at ON payments
    FOR EACH ROW EXECUTE FUNCTION statistics_count_online_payment();

-- Ratings, by the day they were given.
CREATE FUNCTION statistics_count_rating() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM statistics_daily_extras_count(OLD.dossier_id, OLD.created_at, 'rating', -1, 0, OLD.overall);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM statistics_daily_extras_count(NEW.dossier_id, NEW.created_at, 'rating', 1, 0, NEW.overall);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER dossier_ratings_count_ratings
    AFTER INSERT OR DELETE OR UPDATE OF dossier_id, overall, created_at ON dossier_ratings
    FOR EACH ROW EXECUTE FUNCTION statistics_count_rating();

-- A dossier moved to another agency or procedure version (drafts are; a
-- submitted dossier is not, but nothing forbids it) takes its events along.
CREATE FUNCTION statistics_move_dossier_extras() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO statistics_daily_extras AS x (day, agency_id, procedure_version_id, kind, events, amount, satisfied)
    SELECT e.day, m.agency_id, m.procedure_version_id, e.kind, m.sign * count(*), m.sign * sum(e.amount),
           m.sign * count(*) FILTER (WHERE e.level >= 4)
    FROM (SELECT (occurred_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS day, 'supplement' AS kind,
                 0::bigint AS amount, 0 AS level
          FROM dossier_history WHERE dossier_id = NEW.id AND action = 'request_supplement'
          UNION ALL
          SELECT (settled_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, 'payment', amount_vnd, 0
          FROM payments WHERE dossier_id = NEW.id AND gateway <> 'counter' AND settled_at IS NOT NULL
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

CREATE TRIGGER dossiers_move_statistics_extras
    AFTER UPDATE OF agency_id, procedure_version_id ON dossiers
    FOR EACH ROW WHEN (OLD.agency_id IS DISTINCT FROM NEW.agency_id
                       OR OLD.procedure_version_id IS DISTINCT FROM NEW.procedure_version_id)
    EXECUTE FUNCTION statistics_move_dossier_extras();

-- The events already there.
INSERT INTO statistics_daily_extras (day, agency_id, procedure_version_id, kind, events, amount, satisfied)
SELECT e.day, d.agency_id, d.procedure_version_id, e.kind, count(*), sum(e.amount), count(*) FILTER (WHERE e.level >= 4)
FROM (SELECT dossier_id, (occurred_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS day, 'supplement' AS kind,
             0::bigint AS amount, 0 AS level
      FROM dossier_history WHERE action = 'request_supplement'
      UNION ALL
      SELECT dossier_id, (settled_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, 'payment', amount_vnd, 0
      FROM payments WHERE gateway <> 'counter' AND settled_at IS NOT NULL
      UNION ALL
      SELECT dossier_id, (created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, 'rating', 0, overall
      FROM dossier_ratings) e
JOIN dossiers d ON d.id = e.dossier_id
GROUP BY 1, 2, 3, 4;
