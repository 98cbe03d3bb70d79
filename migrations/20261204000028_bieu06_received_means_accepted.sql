-- Biểu 06 as its definitions say (docs/legal-basis.md, "Statistics"):
-- a dossier is *received* (tiếp nhận) when the one-stop unit accepts it,
-- not when it is submitted, and *resolved* when its result is issued
-- (ready to return), not when the applicant collects it; the on-time
-- judgement is made at that moment against the legal appointment.
-- Submissions refused or withdrawn before acceptance are reported apart,
-- never as received.

-- When the result was issued: the leader's approval (→ result ready).
ALTER TABLE dossiers ADD COLUMN result_issued_at timestamptz;
UPDATE dossiers d SET result_issued_at = coalesce(
        (SELECT max(h.occurred_at) FROM dossier_history h
         WHERE h.dossier_id = d.id AND h.to_status = 'result_ready'),
        CASE WHEN d.status = 'returned' THEN d.resolved_at END)
 WHERE d.status IN ('result_ready', 'returned');

CREATE INDEX dossiers_bieu06_accepted_idx ON dossiers (agency_id, received_at)
    INCLUDE (result_issued_at, resolved_at, legal_due_at, status, channel, procedure_version_id)
    WHERE received_at IS NOT NULL;

-- Each dossier in play in a period, with one intake and one outcome code
-- (app/src/statistics/drill.rs names them):
--   intake:  0 carried over (accepted before the period), 1 new online,
--            2 new at the counter or by post (accepted in the period),
--            3 not accepted (refused or withdrawn before acceptance);
--   outcome: result issued in the period 0 early, 1 on time, 2 late
--            (against the legal appointment); not finished at the end
--            3 within, 4 overdue; 5 refused, 6 withdrawn (intake 3 only),
--            7 stopped.
-- In play: accepted by the end of the period and not finished (result
-- issued, or stopped) before it began; or refused or withdrawn before
-- acceptance during it. So, for the accepted ones,
--   carried over + new = resolved + pending + stopped.
CREATE OR REPLACE FUNCTION bieu06_dossiers(agencies bigint[], period_from date, period_to date)
RETURNS TABLE (dossier_id bigint, agency_id bigint, procedure_version_id bigint, intake smallint, outcome smallint)
LANGUAGE sql STABLE
AS $$
    WITH bounds AS MATERIALIZED (
        SELECT period_from::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh' AS starts,
               (period_to + 1)::timestamp AS ends_local,
               (period_to + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh' AS ends
    )
    SELECT d.id, d.agency_id, d.procedure_version_id,
           (CASE WHEN d.received_at < bounds.starts THEN 0
                 WHEN d.channel = 'online' THEN 1
                 ELSE 2 END)::smallint,
           (CASE WHEN d.result_issued_at < bounds.ends THEN
                     CASE WHEN d.legal_due_at IS NULL THEN 1
                          WHEN (d.result_issued_at AT TIME ZONE 'Asia/Ho_Chi_Minh') > d.legal_due_at THEN 2
                          WHEN (d.result_issued_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date < d.legal_due_at::date THEN 0
                          ELSE 1 END
                 WHEN d.status = 'stopped' AND d.resolved_at < bounds.ends THEN 7
                 WHEN d.legal_due_at IS NULL OR d.status = 'awaiting_supplement'
                      OR d.legal_due_at >= bounds.ends_local THEN 3
                 ELSE 4 END)::smallint
    FROM bounds
    JOIN dossiers d ON d.agency_id = ANY(agencies) AND d.received_at < bounds.ends
                   AND (d.result_issued_at IS NULL OR d.result_issued_at >= bounds.starts)
                   AND NOT (d.status = 'stopped' AND d.result_issued_at IS NULL
                            AND d.resolved_at < bounds.starts)
    UNION ALL
    SELECT d.id, d.agency_id, d.procedure_version_id, 3::smallint,
           (CASE WHEN d.status = 'refused' THEN 5 ELSE 6 END)::smallint
    FROM bounds
    JOIN dossiers d ON d.agency_id = ANY(agencies) AND d.received_at IS NULL
                   AND d.status IN ('refused', 'withdrawn')
                   AND d.resolved_at >= bounds.starts AND d.resolved_at < bounds.ends
$$;
