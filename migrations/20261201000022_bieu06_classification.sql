-- Biểu 06's classification of every dossier in play in a period, in one
-- place: the report's counts and the list of dossiers behind each of its
-- numbers both read it, so a number and its list cannot disagree. What
-- each class means is written in app/src/statistics/bieu06.rs.
--
-- In play: submitted by the end of the period and not finished before it
-- began. Each such dossier has one intake and one outcome at the end of
-- the period, as small codes (app/src/statistics/drill.rs names them):
--   intake:  0 carried over, 1 new online, 2 new at the counter or by post;
--   outcome: returned 0 early, 1 on time, 2 late (against the legal
--            appointment); not finished 3 within, 4 overdue; finished
--            otherwise 5 refused, 6 withdrawn, 7 stopped.
-- Days are Vietnam's: a local day D ends at local midnight of D + 1, and
-- Asia/Ho_Chi_Minh has had one fixed offset since 1975, so the period is
-- compared as two timestamptz bounds, not by converting every row.
--
-- A single SQL SELECT, STABLE: the planner inlines it into the calling
-- query. The returned results' early/on-time/late CASE is spelled exactly
-- as the key expression of dossiers_statistics_idx (migration 21), so an
-- index-only scan hands its value over instead of computing it per row:
-- change the two together. Callers should group by the codes before
-- anything else (each FILTER of an aggregate would evaluate them again).
CREATE FUNCTION bieu06_dossiers(agencies bigint[], period_from date, period_to date)
RETURNS TABLE (dossier_id bigint, agency_id bigint, procedure_version_id bigint, intake smallint, outcome smallint)
LANGUAGE sql STABLE
AS $$
    -- Materialised: the bounds are worked out once, whatever expressions
    -- the caller passes the dates as (text cast to date is not constant
    -- to the planner, and would otherwise be cast again for every row).
    WITH bounds AS MATERIALIZED (
        SELECT period_from::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh' AS starts,
               (period_to + 1)::timestamp AS ends_local,
               (period_to + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh' AS ends
    )
    SELECT d.id, d.agency_id, d.procedure_version_id,
           (CASE WHEN d.submitted_at < bounds.starts THEN 0
                 WHEN d.channel = 'online' THEN 1
                 ELSE 2 END)::smallint,
           (CASE WHEN d.resolved_at IS NULL OR d.resolved_at >= bounds.ends THEN
                     CASE WHEN d.legal_due_at IS NULL OR d.status = 'awaiting_supplement'
                               OR d.legal_due_at >= bounds.ends_local THEN 3
                          ELSE 4 END
                 WHEN d.status = 'returned' THEN
                     (CASE WHEN resolved_at IS NULL THEN NULL
                           WHEN legal_due_at IS NULL THEN 1
                           WHEN (resolved_at AT TIME ZONE 'Asia/Ho_Chi_Minh') > legal_due_at THEN 2
                           WHEN (resolved_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date < legal_due_at::date THEN 0
                           ELSE 1 END)
                 WHEN d.status = 'refused' THEN 5
                 WHEN d.status = 'withdrawn' THEN 6
                 WHEN d.status = 'stopped' THEN 7 END)::smallint
    FROM bounds
    JOIN dossiers d ON d.agency_id = ANY(agencies) AND d.submitted_at < bounds.ends
                   AND (d.resolved_at IS NULL OR d.resolved_at >= bounds.starts)
$$;
