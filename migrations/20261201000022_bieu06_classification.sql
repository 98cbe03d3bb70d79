-- Biểu 06's classification of every dossier in play in a period, in one
-- place: the report's counts and the list of dossiers behind each of its
-- numbers both read it, so a number and its list cannot disagree. What
-- each class means is written in app/src/statistics/bieu06.rs.
--
-- In play: submitted by the end of the period and not finished before it
-- began. Each such dossier has one intake (carried_over, new_online,
-- new_counter — counter and post together, as the form has it) and one
-- outcome at the end of the period (early, on_time, late — results
-- returned, against the legal appointment —; refused, withdrawn, stopped;
-- or, not finished, within or overdue). Days and times are Vietnam's.
--
-- A single SQL SELECT, STABLE: the planner inlines it into the calling
-- query, so it costs what the query written out would.
CREATE FUNCTION bieu06_dossiers(agencies bigint[], period_from date, period_to date)
RETURNS TABLE (dossier_id bigint, agency_id bigint, sector_id bigint, intake text, outcome text)
LANGUAGE sql STABLE
AS $$
    SELECT d.id, d.agency_id, p.sector_id,
           CASE WHEN d.submitted_on < period_from THEN 'carried_over'
                WHEN d.channel = 'online' THEN 'new_online'
                ELSE 'new_counter' END,
           CASE WHEN d.resolved_local IS NOT NULL AND d.resolved_local::date <= period_to THEN
                    CASE WHEN d.status <> 'returned' THEN d.status
                         WHEN d.resolved_local::date < d.legal_due_at::date THEN 'early'
                         WHEN d.resolved_local <= coalesce(d.legal_due_at, d.resolved_local) THEN 'on_time'
                         ELSE 'late' END
                WHEN d.legal_due_at IS NULL OR d.status = 'awaiting_supplement'
                     OR d.legal_due_at >= (period_to + 1)::timestamp THEN 'within'
                ELSE 'overdue' END
    FROM (
        SELECT d.id, d.agency_id, d.channel, d.status, d.legal_due_at, d.procedure_version_id,
               (d.submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS submitted_on,
               (d.resolved_at AT TIME ZONE 'Asia/Ho_Chi_Minh') AS resolved_local
        FROM dossiers d
        WHERE d.agency_id = ANY(agencies) AND d.submitted_at IS NOT NULL
          AND (d.submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date <= period_to
          AND (d.resolved_at IS NULL OR (d.resolved_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date >= period_from)
    ) d
    JOIN procedure_versions v ON v.id = d.procedure_version_id
    JOIN procedures p ON p.id = v.procedure_id
$$;
