-- A realistic year of dossiers, generated set-based in SQL.
--
-- Run on a database holding the migrated schema and the demo seed (agencies,
-- catalogue, demo accounts), with nobody else writing to it. Rust replaces
-- two placeholders textually before running the whole file as one
-- multi-statement string (sqlx `raw_sql`, one implicit transaction; by hand:
-- `psql -1 -f`): {{dossiers}} (how many) and {{year}} (which year). Run it
-- once per database (a second run stops on the generated officials' e-mail
-- addresses). Every random choice is a hash of the dossier's number, so the
-- same database and placeholders give the same data, except for the
-- snapshot moment when the year is the current one. About 2.5 minutes for
-- 1,000,000 dossiers on 2 cores; set-based throughout, a handful of big
-- INSERT … SELECT statements over temporary tables.
--
-- THE SNAPSHOT. The data is the year as it stands at `as_of`: now, when now
-- is inside {{year}}, otherwise midnight ending 31/12 (a future year is
-- generated as if it were over). Dossiers are submitted from 1/1 to the day
-- before `as_of`. Each dossier's whole life is drawn first; only the steps
-- that happened by `as_of` are written, and the dossier's status and
-- columns are those after its last written step. So old dossiers are
-- nearly all finished and recent ones wait in every open state, the mix
-- following from the timings rather than being imposed.
--
-- WHO AND WHERE. Every (agency, procedure) pair in procedure_agencies, with
-- the procedure's version in force today (current_procedure_versions). A
-- procedure's yearly volume is a province-wide weight (certification and
-- civil status dominate the communes; judicial records, driving licences and
-- land changes the departments; see gen_pairs), split between its agencies by
-- a population weight (urban wards > rural communes > Cô Tô). Unlisted
-- procedures and agencies weigh 1. Each agency that receives dossiers gets
-- generated officials (receptionists, specialists, leaders, scaled to its
-- volume, `…@gen.motcua.example`, the demo password's hash) next to the demo
-- ones; applicants are generated citizens (one per 8 dossiers, at most
-- 500,000; three in four with an account, the rest counter records made by a
-- receptionist, no password) plus the demo citizen (about 40 dossiers), with
-- a few frequent filers.
--
-- CHANNELS. Online with probability 0.60 + 0.15·(1 − F) for procedures
-- offered fully online and 0.60 − 0.15·F for partial ones (F = the full
-- procedures' share of the volume), so 60% overall; of the rest one in
-- eight by post, the others at the counter. Online filings come at any hour
-- (78% of working-day ones in working hours, some evenings, weekends at a
-- fifth of a weekday); counter and post ones in working hours of working
-- days, mornings busier. Mondays and January busier, Tết and February
-- quieter.
--
-- TIME. Working time follows calendar_days (holidays, make-up days; other
-- years: weekends only) and the deadline engine's periods 08:00–12:00,
-- 13:00–17:00: back-office steps happen at a "working minute" (480 per
-- working day), converted to a clock time. Appointments are exactly those of
-- app/src/deadlines: N working days after the day counted from (the
-- receipt day, or the next working day after the cut-off or on a day off),
-- at 17:00; working-hour procedures by working minutes. A supplement's pause
-- moves due_at and legal_due_at by the working days it lasted, as
-- back_office/actions/supplement.rs does.
--
-- PATHS (state machine of app/src/dossiers/workflow.rs, actions named as
-- there; each history replays to the dossier's status):
--   online, before acceptance: 5% withdrawn by the applicant, 10% refused,
--     7% asked for a supplement by reception (15% of those never send it
--     and are stopped 15–30 working days later), the rest accepted within
--     about a working day;
--   counter and post: submitted and accepted in one moment by the
--     receptionist who filed it (filed_by), as counter filing does;
--   after acceptance: assigned to a specialist (by reception or a leader),
--     proposed, approved, returned; 8% ask for a supplement while
--     processing (pause of 1–10 working days; 12% never answer: stopped),
--     1.5% stopped, 5% sent back once by the leader. Steps sit at the
--     version's workflow_steps shares of the time used.
--   timing: 8% of results come late (mean 3 working days after the legal
--     appointment, but one in 25 of those stalls for 2–12 months, so old
--     open dossiers exist; half of the late ones got an apology and a new
--     date first, slip 04 "extend", which moves due_at but never
--     legal_due_at); the others take a fraction of the allowed time skewed
--     to the deadline: about as many early (before the appointment's day)
--     as on time.
--   Results of partially-online procedures, and some others, are handed
--     over at the counter (result_delivery, with the app's note).
--
-- MONEY. Only `charged` fees are billed (as the app's assessment): for the
-- demo catalogue the judicial record (copies beyond two, exemptions claimed
-- by one in ten), household business registration and the building permit
-- (payable before the result). form_data holds just the answers the fee
-- depends on; fee_assessment is the app's JSON. Half of the fee-paying
-- online dossiers pay through the sandbox gateway (12% after a failed or
-- abandoned attempt), everyone else at the counter (cash or card, paper
-- receipt number), when the fee falls due: with the submission, or before
-- the result. A paid dossier later refused, withdrawn or stopped owes a
-- refund (refund_due; most refunded some days later). Receipt numbers are
-- gapless per agency and year, and receipt_counters continues after them.
--
-- RATINGS. About 30% of returned dossiers, by applicants with an account,
-- minutes to two weeks after the return; mostly satisfied, less so when late.
--
-- CODES. <agency code>-<yymmdd>-<nnnn>, numbered per agency and day in
-- submission order after whatever dossier_code_counters already held, and
-- the counters are advanced, so the app's next dossier that day gets the
-- next number: no collision and no gap. Dossier ids follow submission time.
--
-- APPROXIMATIONS. No notifications, mail, audit rows, attachments, result
-- files (result_file_id stays NULL) or sandbox bank orders; form_data holds
-- only fee answers; officials act at any working minute, with no queueing
-- or workload limits; all dossiers of the year use today's procedure
-- versions.

SET LOCAL synchronous_commit = off;
SET LOCAL work_mem = '256MB';
SET LOCAL jit = off;
SET LOCAL max_parallel_workers_per_gather = 0;

-- ---------------------------------------------------------------------
-- Parameters, the working calendar and its helpers.
-- ---------------------------------------------------------------------

CREATE TEMP TABLE gen_params AS
SELECT s.n, s.year, s.y0, s.y1, s.y0 - 40 AS base,
       CASE WHEN s.now_local >= s.y0 + 1 AND s.now_local < s.y1 THEN date_trunc('minute', s.now_local)
            ELSE s.y1::timestamp END AS as_of,
       greatest(nextval(pg_get_serial_sequence('dossiers', 'id')) - 1,
                (SELECT coalesce(max(id), 0) FROM dossiers)) AS id_base,
       coalesce((SELECT password_hash FROM users WHERE lower(email) = 'tiepnhan@motcua.example'),
                -- a well-formed hash of nothing anyone knows
                '$argon2id$v=19$m=19456,t=2,p=1$Z2VuZXJhdGVkLXllYXI$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA') AS hash,
       (SELECT id FROM users WHERE lower(email) = 'congdan@motcua.example') AS demo_citizen
FROM (SELECT ({{dossiers}})::bigint AS n, ({{year}})::int AS year,
             make_date({{year}}, 1, 1) AS y0, make_date({{year}} + 1, 1, 1) AS y1,
             now() AT TIME ZONE 'Asia/Ho_Chi_Minh' AS now_local) s;

SELECT setval(pg_get_serial_sequence('dossiers', 'id'), id_base + n) FROM gen_params;

-- Uniform draws in [0, 1), the k-th for item g: a hash, so every draw can
-- be made where it is needed, in any order, and the data is reproducible.
CREATE FUNCTION pg_temp.u(g bigint, k int) RETURNS float8
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT (hashint8extended(g, k) & 281474976710655)::float8 / 281474976710656 $$;

-- Every day from 40 days before the year to 500 after it: worked or not,
-- and how many working days come before it.
CREATE TEMP TABLE gen_cal AS
SELECT day, working,
       (count(*) FILTER (WHERE working) OVER (ORDER BY day ROWS UNBOUNDED PRECEDING) - working::int)::int AS before
FROM (SELECT d::date AS day, coalesce(c.kind = 'make_up', extract(isodow FROM d) < 6) AS working
      FROM gen_params p
      CROSS JOIN generate_series(p.base::timestamp, (p.y1 + 500)::timestamp, interval '1 day') d
      LEFT JOIN calendar_days c ON c.day = d::date) s;

-- wd[k + 1]: the k-th working day (from 0). bef[day - base + 1]: the
-- working days before `day` (the index of `day`, or of the next working
-- day). A "working minute" o is minute o mod 480 of working day o div 480.
-- The small arrays read for every dossier are stored PLAIN, in the row:
-- a TOASTed one would be fetched and decompressed at every subscript.
CREATE TEMP TABLE gen_arr (wd date[], bef smallint[], isw boolean[], base date);
ALTER TABLE gen_arr ALTER wd SET STORAGE PLAIN, ALTER bef SET STORAGE PLAIN, ALTER isw SET STORAGE PLAIN;
INSERT INTO gen_arr
SELECT (SELECT array_agg(day ORDER BY day) FROM gen_cal WHERE working),
       (SELECT array_agg(before::smallint ORDER BY day) FROM gen_cal),
       (SELECT array_agg(working ORDER BY day) FROM gen_cal),
       p.base
FROM gen_params p;

-- A working minute as a clock time (08:00–12:00, 13:00–17:00).
CREATE FUNCTION pg_temp.ev_ts(o float8, wd date[]) RETURNS timestamp
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT wd[floor(o / 480)::int + 1]
                 + make_interval(secs => ((CASE WHEN o - 480 * floor(o / 480) < 240 THEN 480 ELSE 540 END)
                                          + o - 480 * floor(o / 480)) * 60) $$;

-- A deadline as a clock time: like ev_ts, but the end of a period stays on
-- its day (17:00, not 08:00 the next day), as add_working_minutes does.
CREATE FUNCTION pg_temp.due_ts(o float8, wd date[]) RETURNS timestamp
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT wd[ceil(o / 480)::int]
                 + make_interval(secs => ((CASE WHEN o - 480 * (ceil(o / 480) - 1) <= 240 THEN 480 ELSE 540 END)
                                          + o - 480 * (ceil(o / 480) - 1)) * 60) $$;

-- The working minute at, or next after, a clock time.
CREATE FUNCTION pg_temp.ts_ord(t timestamp, bef smallint[], isw boolean[], base date) RETURNS float8
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT bef[t::date - base + 1] * 480.0
                 + CASE WHEN NOT isw[t::date - base + 1] THEN 0
                        ELSE greatest(0, least(480, CASE WHEN t::time < '12:00' THEN extract(epoch FROM t::time) / 60 - 480
                                                         WHEN t::time < '13:00' THEN 240
                                                         ELSE extract(epoch FROM t::time) / 60 - 540 END)) END $$;

-- One step of a dossier's life.
CREATE TYPE pg_temp.gen_ev AS (
    at timestamp, action text, from_status text, to_status text, actor bigint, note text,
    due_before timestamp, due_after timestamp, legal timestamp);

-- ---------------------------------------------------------------------
-- What is filed where: (agency, procedure version) pairs and their weights.
-- ---------------------------------------------------------------------

CREATE TEMP TABLE gen_pairs AS
WITH procedure_weight(code, w) AS (VALUES
        -- communes: certification, civil status, residence, household
        -- business, building, land, social protection
        ('2.000815', 250.0), ('2.000884', 60.0), ('2.001035', 15.0), ('2.001019', 2.0),
        ('1.001193', 40.0), ('1.000894', 12.0), ('1.000656', 15.0), ('2.000635', 40.0),
        ('1.001022', 2.0), ('1.004873', 45.0), ('1.004884', 4.0), ('1.000689', 2.0),
        ('1.004859', 8.0), ('1.004837', 1.0), ('1.004845', 0.5), ('1.005461', 1.0),
        ('1.004746', 1.0), ('2.000528', 0.5), ('2.000806', 1.0),
        ('1.004222', 25.0), ('1.004194', 35.0), ('1.002755', 8.0), ('1.003197', 6.0),
        ('1.003677', 5.0), ('1.010038', 4.0),
        ('1.001612', 12.0), ('2.000720', 8.0), ('1.001570', 3.0), ('1.001266', 3.0),
        ('1.013225', 10.0), ('1.013228', 1.0), ('1.013978', 20.0),
        ('1.001776', 6.0), ('1.001699', 2.0), ('1.001731', 2.0),
        -- departments: judicial records, driving licences, land, food
        -- safety, work permits, karaoke
        ('3.000333', 40.0), ('3.000347', 30.0), ('3.000348', 8.0), ('1.013831', 60.0),
        ('2.001827', 2.0), ('1.014199', 3.0), ('1.001029', 0.3)),
     agency_weight(code, w) AS (VALUES
        ('000.01.40.H34', 1.5), ('000.02.40.H34', 1.4), ('000.03.40.H34', 1.3),
        ('000.04.40.H34', 1.1), ('000.05.40.H34', 1.0), ('000.06.40.H34', 0.5),
        ('000.07.40.H34', 0.3), ('000.08.40.H34', 0.4), ('000.09.40.H34', 0.5),
        ('000.10.40.H34', 0.12)),
     v AS (
        -- (the view's * was expanded when it was created: later columns
        -- such as payment_due are read from the table)
        SELECT c.id AS version_id, c.procedure_id, pr.code AS procedure_code, c.processing_time_value AS n_time,
               c.processing_time_unit AS unit, c.cutoff_time, c.online_level, pv.payment_due,
               CASE WHEN pv.exemption_field IS NOT NULL THEN
                   (SELECT array_agg(e.code ORDER BY e.code) FROM fee_exemptions e WHERE e.version_id = c.id) END AS exemptions
        FROM current_procedure_versions c
        JOIN procedure_versions pv ON pv.id = c.id
        JOIN procedures pr ON pr.id = c.procedure_id),
     pa AS (
        SELECT v.*, a.id AS agency_id, a.code AS agency_code,
               coalesce(pw.w, 1.0) * coalesce(aw.w, 1.0)
                   / sum(coalesce(aw.w, 1.0)) OVER (PARTITION BY v.procedure_id) AS weight
        FROM v
        JOIN procedure_agencies x ON x.procedure_id = v.procedure_id
        JOIN agencies a ON a.id = x.agency_id
        LEFT JOIN procedure_weight pw ON pw.code = v.procedure_code
        LEFT JOIN agency_weight aw ON aw.code = a.code),
     shares AS (
        SELECT version_id,
               coalesce(sum(budget_hours) FILTER (WHERE stage = 'processing'), 0) AS proc_h,
               coalesce(sum(budget_hours) FILTER (WHERE stage = 'approval'), 0) AS appr_h,
               coalesce(sum(budget_hours) FILTER (WHERE stage = 'return'), 0) AS ret_h
        FROM workflow_steps GROUP BY version_id),
     normalised AS (
        SELECT pa.*, (weight / sum(weight) OVER ())::float8 AS share,
               sum(weight) FILTER (WHERE online_level = 'full') OVER () / sum(weight) OVER () AS full_share,
               coalesce(s.proc_h, 6) AS proc_h, coalesce(s.appr_h, 1) AS appr_h, coalesce(s.ret_h, 1) AS ret_h
        FROM pa LEFT JOIN shares s ON s.version_id = pa.version_id)
SELECT row_number() OVER (ORDER BY agency_code, procedure_code)::int AS i, version_id, procedure_id, procedure_code,
       n_time, unit, cutoff_time, online_level, payment_due, exemptions, agency_id, agency_code, share,
       (CASE WHEN online_level = 'full' THEN 0.60 + 0.15 * (1 - full_share) ELSE 0.60 - 0.15 * full_share END)::float8 AS p_online,
       greatest(0.2, proc_h::float8 / greatest(1, proc_h + appr_h + ret_h)) AS ps,
       greatest(0.01, appr_h::float8 / greatest(1, proc_h + appr_h + ret_h)) AS qs,
       EXISTS (SELECT 1 FROM procedure_fees f WHERE f.version_id = normalised.version_id AND f.charged
                                                AND f.per_field IS NOT NULL) AS has_units
FROM normalised;

-- width_bucket() thresholds: pair i is drawn for a uniform u in [th[i], th[i+1]).
CREATE TEMP TABLE gen_pair_th (th float8[]);
ALTER TABLE gen_pair_th ALTER th SET STORAGE PLAIN;
INSERT INTO gen_pair_th
SELECT array_agg(lower_bound ORDER BY i)
FROM (SELECT i, coalesce(sum(share) OVER (ORDER BY i ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS lower_bound
      FROM gen_pairs) s;

-- Submission days: online any day (days off at 0.22 of a working day),
-- counter and post on working days; Mondays and January busier, Fridays,
-- February (Tết) and the summer quieter.
CREATE TEMP TABLE gen_day_weights AS
WITH d AS (
    SELECT c.day, c.working,
           (CASE extract(month FROM c.day)::int WHEN 1 THEN 1.12 WHEN 2 THEN 0.88 WHEN 3 THEN 1.05 WHEN 7 THEN 0.97
                WHEN 8 THEN 0.97 WHEN 10 THEN 1.02 WHEN 11 THEN 1.03 WHEN 12 THEN 1.08 ELSE 1.0 END
            * CASE extract(isodow FROM c.day)::int WHEN 1 THEN 1.12 WHEN 2 THEN 1.04 WHEN 4 THEN 0.98
                WHEN 5 THEN 0.92 ELSE 1.0 END)::float8 AS f
    FROM gen_cal c, gen_params p
    WHERE c.day >= p.y0 AND c.day < p.as_of::date)
SELECT day, working, f * CASE WHEN working THEN 1 ELSE 0.22 END AS online_w, CASE WHEN working THEN f ELSE 0 END AS counter_w
FROM d;

CREATE TEMP TABLE gen_days_online (days date[], th float8[]);
ALTER TABLE gen_days_online ALTER days SET STORAGE PLAIN, ALTER th SET STORAGE PLAIN;
INSERT INTO gen_days_online
SELECT array_agg(day ORDER BY day), array_agg(lower_bound ORDER BY day)
FROM (SELECT day, coalesce(sum(online_w) OVER (ORDER BY day ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)
                  / sum(online_w) OVER () AS lower_bound
      FROM gen_day_weights) x;

CREATE TEMP TABLE gen_days_counter (days date[], th float8[]);
ALTER TABLE gen_days_counter ALTER days SET STORAGE PLAIN, ALTER th SET STORAGE PLAIN;
INSERT INTO gen_days_counter
SELECT array_agg(day ORDER BY day), array_agg(lower_bound ORDER BY day)
FROM (SELECT day, coalesce(sum(counter_w) OVER (ORDER BY day ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)
                  / sum(counter_w) OVER () AS lower_bound
      FROM gen_day_weights WHERE working) x;

-- ---------------------------------------------------------------------
-- People: officials for every agency that receives dossiers; citizens.
-- ---------------------------------------------------------------------

CREATE TEMP TABLE gen_names AS
SELECT ARRAY['Nguyễn', 'Nguyễn', 'Nguyễn', 'Nguyễn', 'Trần', 'Trần', 'Lê', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan',
             'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Đinh', 'Trịnh', 'Mai', 'Lương'] AS family,
       ARRAY['Văn', 'Minh', 'Đức', 'Hữu', 'Quốc', 'Xuân', 'Anh', 'Bảo', 'Gia', 'Mạnh', 'Thanh', 'Ngọc'] AS his,
       ARRAY['Thị', 'Thị', 'Thu', 'Ngọc', 'Thanh', 'Hoài', 'Kim', 'Hồng', 'Thùy', 'Minh', 'Bảo', 'Phương'] AS her,
       ARRAY['An', 'Anh', 'Bình', 'Cường', 'Dũng', 'Duy', 'Đạt', 'Giang', 'Hải', 'Hiếu', 'Hùng', 'Huy', 'Khánh',
             'Long', 'Minh', 'Nam', 'Phong', 'Phúc', 'Quân', 'Quang', 'Sơn', 'Tâm', 'Thắng', 'Thành', 'Trung',
             'Tú', 'Tuấn', 'Việt'] AS his_given,
       ARRAY['An', 'Anh', 'Chi', 'Giang', 'Hà', 'Hạnh', 'Hằng', 'Hiền', 'Hoa', 'Hương', 'Lan', 'Linh', 'Mai',
             'Nga', 'Ngọc', 'Nhung', 'Phương', 'Tâm', 'Thảo', 'Trang', 'Tú', 'Vân', 'Yến', 'Dung'] AS her_given;

CREATE FUNCTION pg_temp.full_name(g bigint, seed int, names gen_names) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT names.family[1 + floor(pg_temp.u(g, seed) * cardinality(names.family))::int] || ' '
                 || CASE WHEN pg_temp.u(g, seed + 1) < 0.5
                         THEN names.his[1 + floor(pg_temp.u(g, seed + 2) * cardinality(names.his))::int] || ' '
                              || names.his_given[1 + floor(pg_temp.u(g, seed + 3) * cardinality(names.his_given))::int]
                         ELSE names.her[1 + floor(pg_temp.u(g, seed + 2) * cardinality(names.her))::int] || ' '
                              || names.her_given[1 + floor(pg_temp.u(g, seed + 3) * cardinality(names.her_given))::int] END $$;

CREATE TEMP TABLE gen_agencies AS
SELECT agency_id, agency_code, sum(share) * p.n AS expected
FROM gen_pairs, gen_params p GROUP BY agency_id, agency_code, p.n;

-- Officials: receptionists, specialists and leaders in proportion to the
-- agency's volume, besides any it has already.
WITH staff AS (
    SELECT row_number() OVER (ORDER BY a.agency_code, r.role, s) AS g, a.agency_id, a.agency_code, r.role, r.prefix, s
    FROM gen_agencies a
    CROSS JOIN LATERAL (VALUES
        ('reception', 'tiepnhan', greatest(1, least(8, round(a.expected / 40000)))::int),
        ('specialist', 'chuyenvien', greatest(2, least(30, round(a.expected / 12000)))::int),
        ('leader', 'lanhdao', greatest(1, least(3, round(a.expected / 150000)))::int)) r(role, prefix, how_many)
    CROSS JOIN generate_series(1, r.how_many) s),
inserted AS (
    INSERT INTO users (kind, full_name, email, password_hash, email_confirmed_at, agency_id, created_at, updated_at)
    SELECT 'official', pg_temp.full_name(staff.g, 900, nm),
           format('%s%s.%s@gen.motcua.example', staff.prefix, staff.s, lower(replace(staff.agency_code, '.', ''))),
           p.hash, t.created, staff.agency_id, t.created, t.created
    FROM staff, gen_names nm, gen_params p
    CROSS JOIN LATERAL (SELECT (p.y0 - 90)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh' AS created) t
    ORDER BY staff.g
    RETURNING id, email)
INSERT INTO user_roles (user_id, role)
SELECT id, CASE WHEN email LIKE 'tiepnhan%' THEN 'reception' WHEN email LIKE 'chuyenvien%' THEN 'specialist'
                ELSE 'leader' END
FROM inserted;

-- Each agency's officials by role (the demo ones included).
CREATE TEMP TABLE gen_staff AS
SELECT a.agency_id,
       array_agg(u.id ORDER BY u.id) FILTER (WHERE r.role = 'reception') AS rec,
       array_agg(u.id ORDER BY u.id) FILTER (WHERE r.role = 'specialist') AS spec,
       array_agg(u.id ORDER BY u.id) FILTER (WHERE r.role = 'leader') AS lead
FROM gen_agencies a
JOIN users u ON u.agency_id = a.agency_id AND u.disabled_at IS NULL
JOIN user_roles r ON r.user_id = u.id
GROUP BY a.agency_id;

-- Citizens: three in four registered themselves; the others are counter
-- records (CCCD, maybe an email, no password) made by a receptionist.
-- CCCD: 022 (Quảng Ninh), century and sex, year of birth, then a serial
-- from 500000 unique among the generated people.
CREATE TEMP TABLE gen_citizens (id bigint PRIMARY KEY, registered boolean);

WITH people AS (
    SELECT g, g % 4 <> 0 AS registered, p.y0, p.hash,
           p.y0 - 6570 - floor(pg_temp.u(g, 1000) * 20000)::int AS born,
           pg_temp.u(g, 1011) < 0.5 AS he,  -- the draw full_name(g, 1010) picks a man's name by
           (p.y0 - 1 - floor(pg_temp.u(g, 1002) * 900)::int)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh' AS created
    FROM gen_params p, generate_series(1, greatest(500, least(500000, p.n / 8))) g),
receptionists AS (SELECT array_agg(x ORDER BY x) AS ids FROM gen_staff, unnest(rec) x),
inserted AS (
    INSERT INTO users (kind, full_name, email, citizen_id, date_of_birth, phone, password_hash,
                       email_confirmed_at, recorded_by, created_at, updated_at)
    SELECT 'citizen', pg_temp.full_name(g, 1010, nm),
           CASE WHEN registered THEN format('congdan%s@gen.motcua.example', g)
                WHEN pg_temp.u(g, 1003) < 0.5 THEN format('quay%s@gen.motcua.example', g) END,
           '022' || (CASE WHEN born >= date '2000-01-01' THEN 2 ELSE 0 END + (NOT he)::int)::text
               || to_char(born, 'YY') || ((g * 7919) % 500000 + 500000)::text,
           born,
           '09' || lpad(((g * 104729) % 100000000)::text, 8, '0'),
           CASE WHEN registered THEN hash END,
           CASE WHEN registered THEN created END,
           CASE WHEN NOT registered THEN r.ids[1 + floor(pg_temp.u(g, 1004) * cardinality(r.ids))::int] END,
           created, created
    FROM people, receptionists r, gen_names nm
    ORDER BY g
    RETURNING id, password_hash IS NOT NULL AS registered)
INSERT INTO gen_citizens SELECT id, registered FROM inserted;

-- Numbered within each kind, to be drawn by number.
CREATE TEMP TABLE gen_pool AS
SELECT id, registered, (row_number() OVER (PARTITION BY registered ORDER BY id) - 1)::int AS n,
       count(*) OVER (PARTITION BY registered)::int AS size
FROM gen_citizens;
ANALYZE gen_pool;
CREATE TEMP TABLE gen_pool_size AS
SELECT coalesce(max(size) FILTER (WHERE registered), 0) AS reg, coalesce(max(size) FILTER (WHERE NOT registered), 0) AS walk_in
FROM gen_pool;

-- What a version's dossiers owe, for every combination of the answers the
-- fee depends on (1–5 copies where a fee is per copy, else 0; an exemption
-- or none), with the assessment as app::fees::assess writes it.
CREATE TEMP TABLE gen_fees AS
WITH versions AS (
    SELECT DISTINCT pr.version_id, v.exemption_field, pr.has_units
    FROM gen_pairs pr JOIN procedure_versions v ON v.id = pr.version_id),
combos AS (
    SELECT ve.version_id, ve.exemption_field, c.copies, e.code AS exemption, e.name, e.percent_off, e.evidence_document
    FROM versions ve
    CROSS JOIN LATERAL generate_series(CASE WHEN ve.has_units THEN 1 ELSE 0 END,
                                       CASE WHEN ve.has_units THEN 5 ELSE 0 END) c(copies)
    CROSS JOIN LATERAL (
        SELECT NULL::text AS code, NULL::text AS name, NULL::int AS percent_off, NULL::text AS evidence_document
        UNION ALL
        SELECT x.code, x.name, x.percent_off, x.evidence_document
        FROM fee_exemptions x WHERE x.version_id = ve.version_id AND ve.exemption_field IS NOT NULL) e),
assessed AS (
    SELECT c.version_id, c.copies, c.exemption,
           coalesce(jsonb_agg(jsonb_build_object('kind', f.kind, 'description', f.description, 'quantity', q.quantity,
                                                 'unit_amount', f.amount_vnd, 'amount', f.amount_vnd * q.quantity)
                              ORDER BY f.position) FILTER (WHERE f.id IS NOT NULL AND q.quantity > 0), '[]') AS lines,
           coalesce(sum(f.amount_vnd * q.quantity) FILTER (WHERE f.id IS NOT NULL AND q.quantity > 0), 0)::bigint AS subtotal,
           min(f.per_field) AS per_field
    FROM combos c
    LEFT JOIN procedure_fees f ON f.version_id = c.version_id AND f.charged
    CROSS JOIN LATERAL (SELECT CASE WHEN f.per_field IS NULL THEN 1 ELSE greatest(0, c.copies - f.beyond) END AS quantity) q
    GROUP BY c.version_id, c.copies, c.exemption)
SELECT a.version_id, a.copies, coalesce(a.exemption, '') AS exemption,
       CASE WHEN a.per_field IS NOT NULL THEN jsonb_build_object(a.per_field, a.copies::text) ELSE '{}' END
           || CASE WHEN a.exemption IS NOT NULL THEN jsonb_build_object(c.exemption_field, a.exemption) ELSE '{}' END AS form_data,
       a.subtotal - coalesce(d.discount, 0) AS fee_total,
       jsonb_build_object(
           'lines', a.lines,
           'exemption', CASE WHEN a.exemption IS NULL THEN 'null'::jsonb ELSE jsonb_build_object(
               'code', a.exemption, 'name', c.name, 'percent_off', c.percent_off, 'discount', d.discount,
               'evidence_document', c.evidence_document) END,
           'total', a.subtotal - coalesce(d.discount, 0)) AS fee_assessment
FROM assessed a
LEFT JOIN combos c ON c.version_id = a.version_id AND c.copies = a.copies AND c.exemption = a.exemption
LEFT JOIN LATERAL (SELECT (a.subtotal * least(c.percent_off, 100) + 99) / 100 AS discount) d ON a.exemption IS NOT NULL;

-- ---------------------------------------------------------------------
-- Each dossier's life, drawn whole. Draw k of dossier g is u(g, k).
-- ---------------------------------------------------------------------

-- Stage 1: what, where, by which channel, when.
CREATE TEMP TABLE gen_a AS
SELECT s.g, s.pair_i, s.channel, s.day,
       coalesce(pg_temp.ev_ts(s.o_sub_w, ar.wd), s.t_sub_clock) AS t_sub,
       coalesce(s.o_sub_w, pg_temp.ts_ord(s.t_sub_clock, ar.bef, ar.isw, ar.base)) AS o_sub
FROM gen_arr ar
CROSS JOIN LATERAL (
    SELECT c.*,
           -- counter and post, and 78% of online filings on working days: a
           -- working minute (counter mornings busier); the other online
           -- ones at a clock time: early morning, lunch, evening, days off
           CASE WHEN c.channel <> 'online' OR (ar.isw[c.day - ar.base + 1] AND c.u_tod2 < 0.78)
                THEN ar.bef[c.day - ar.base + 1] * 480.0
                     + 480 * CASE WHEN c.channel = 'online' THEN c.u_tod ELSE power(c.u_tod, 1.25) END END AS o_sub_w,
           CASE WHEN NOT ar.isw[c.day - ar.base + 1] THEN c.day + make_interval(secs => 25200 + c.u_tod * 54000)
                WHEN c.u_tod2 < 0.84 THEN c.day + make_interval(secs => 21600 + c.u_tod * 7200)
                WHEN c.u_tod2 < 0.87 THEN c.day + make_interval(secs => 43200 + c.u_tod * 3600)
                ELSE c.day + make_interval(secs => 61200 + c.u_tod * 21600) END AS t_sub_clock
    FROM (SELECT b.*,
                 CASE WHEN b.channel = 'online' THEN don.days[width_bucket(pg_temp.u(b.g, 3), don.th)]
                      ELSE dwk.days[width_bucket(pg_temp.u(b.g, 3), dwk.th)] END AS day,
                 pg_temp.u(b.g, 4) AS u_tod, pg_temp.u(b.g, 5) AS u_tod2
          FROM (SELECT a.g, a.pair_i,
                       CASE WHEN pg_temp.u(a.g, 2) < pr.p_online THEN 'online'
                            WHEN pg_temp.u(a.g, 2) < pr.p_online + (1 - pr.p_online) * 0.125 THEN 'post'
                            ELSE 'counter' END AS channel
                FROM (SELECT g, width_bucket(pg_temp.u(g, 1), th.th) AS pair_i
                      FROM gen_params p, gen_pair_th th, generate_series(1, p.n) g) a
                JOIN gen_pairs pr ON pr.i = a.pair_i) b,
               gen_days_online don, gen_days_counter dwk
          OFFSET 0) c
    OFFSET 0) s;

-- Stage 2: ids in submission order, codes numbered per agency and day after
-- the counters' numbers; who files, who handles; the path.
CREATE TEMP TABLE gen_b AS
SELECT a.g, p.id_base + row_number() OVER (ORDER BY a.t_sub, a.g) AS id,
       coalesce(cc.last_number, 0) + row_number() OVER (PARTITION BY pr.agency_id, a.t_sub::date ORDER BY a.t_sub, a.g) AS number,
       a.channel, a.t_sub, a.o_sub,
       pr.version_id, pr.agency_id, pr.agency_code, pr.n_time, pr.unit, pr.cutoff_time, pr.online_level,
       pr.payment_due, pr.ps, pr.qs,
       CASE WHEN pr.has_units THEN CASE WHEN pg_temp.u(a.g, 28) < 0.6 THEN 1 WHEN pg_temp.u(a.g, 28) < 0.85 THEN 2
                                        WHEN pg_temp.u(a.g, 28) < 0.93 THEN 3 WHEN pg_temp.u(a.g, 28) < 0.97 THEN 4 ELSE 5 END
            ELSE 0 END AS copies,
       CASE WHEN pr.exemptions IS NOT NULL AND pg_temp.u(a.g, 29) < 0.1
            THEN pr.exemptions[1 + floor(pg_temp.u(a.g, 29) * 10 * cardinality(pr.exemptions))::int] ELSE '' END AS exemption,
       x.demo OR NOT x.walk_in AS registered,
       CASE WHEN x.demo THEN p.demo_citizen ELSE ap.id END AS applicant_id,
       st.rec[1 + floor(pg_temp.u(a.g, 21) * cardinality(st.rec))::int] AS rec,
       st.rec[1 + floor(pg_temp.u(a.g, 22) * cardinality(st.rec))::int] AS rec2,
       st.spec[1 + floor(pg_temp.u(a.g, 23) * cardinality(st.spec))::int] AS spec,
       st.lead[1 + floor(pg_temp.u(a.g, 24) * cardinality(st.lead))::int] AS lead,
       CASE WHEN a.channel = 'online' THEN
           CASE WHEN pg_temp.u(a.g, 7) < 0.05 THEN 'withdraw' WHEN pg_temp.u(a.g, 7) < 0.15 THEN 'refuse'
                WHEN pg_temp.u(a.g, 7) < 0.22 THEN CASE WHEN pg_temp.u(a.g, 9) < 0.15 THEN 'supp_stop' ELSE 'supp' END
                ELSE 'accept' END
           ELSE 'accept' END AS pre,
       CASE WHEN pg_temp.u(a.g, 8) < 0.015 THEN 'stop'
            WHEN pg_temp.u(a.g, 8) < 0.095 THEN CASE WHEN pg_temp.u(a.g, 20) < 0.12 THEN 'supp_stop' ELSE 'supp' END
            ELSE 'normal' END AS post,
       pg_temp.u(a.g, 14) < 0.08 AS late,
       pg_temp.u(a.g, 16) < 0.05 AS sb
FROM gen_a a
JOIN gen_pairs pr ON pr.i = a.pair_i
JOIN gen_staff st ON st.agency_id = pr.agency_id
CROSS JOIN gen_params p CROSS JOIN gen_pool_size ps
CROSS JOIN LATERAL (
    SELECT pg_temp.u(a.g, 6) AS u_app,
           a.g % greatest(1, p.n / 40) = 0 AND p.demo_citizen IS NOT NULL AS demo,
           a.channel <> 'online' AND pg_temp.u(a.g, 6) >= 0.65 AS walk_in
    OFFSET 0) x0
CROSS JOIN LATERAL (
    -- online: any registered citizen; counter and post: registered 65%,
    -- a counter record 35%; low numbers file more often
    SELECT x0.demo, x0.walk_in AND NOT x0.demo AS walk_in,
           CASE WHEN x0.walk_in THEN floor(ps.walk_in * power((x0.u_app - 0.65) / 0.35, 1.6))::int
                ELSE floor(ps.reg * power(x0.u_app / CASE WHEN a.channel = 'online' THEN 1 ELSE 0.65 END, 1.6))::int END AS pick
    OFFSET 0) x
LEFT JOIN gen_pool ap ON ap.registered = NOT x0.walk_in AND ap.n = x.pick
LEFT JOIN dossier_code_counters cc ON cc.agency_id = pr.agency_id AND cc.day = a.t_sub::date
ORDER BY 2;

DROP TABLE gen_a;

-- Stage 3: before acceptance (online), acceptance, appointments.
CREATE TEMP TABLE gen_c AS
SELECT b.*, s.o_chk, s.t_wd, ac.t_chk, ac.t_supp1, ac.o_stop1, ac.o_acc, ac.t_acc, due.*
FROM gen_b b CROSS JOIN gen_arr ar
CROSS JOIN LATERAL (
    -- reception looks at an online filing within about a working day;
    -- an applicant withdraws 40 minutes to 3 days after filing
    SELECT b.o_sub + 3 + 600 * power(pg_temp.u(b.g, 10), 2.2) AS o_chk,
           b.t_sub + make_interval(secs => 2400 + power(pg_temp.u(b.g, 10), 2) * 259200) AS t_wd
    OFFSET 0) s
CROSS JOIN LATERAL (
    SELECT x.*, CASE WHEN b.channel = 'online' THEN pg_temp.ev_ts(x.o_acc, ar.wd) ELSE b.t_sub END AS t_acc
    FROM (SELECT y.*,
                 CASE WHEN b.channel <> 'online' THEN b.o_sub
                      WHEN b.pre = 'supp' THEN pg_temp.ts_ord(y.t_supp1, ar.bef, ar.isw, ar.base) + 3 + 480 * power(pg_temp.u(b.g, 11), 2)
                      ELSE s.o_chk END AS o_acc
          FROM (SELECT z.t_chk,
                       -- the applicant's supplement: an hour to ten days later, any time
                       z.t_chk + make_interval(secs => 3600 + power(pg_temp.u(b.g, 12), 1.5) * 864000) AS t_supp1,
                       -- or, never sent, reception stops it 15–30 working days later
                       s.o_chk + 480 * (15 + 15 * pg_temp.u(b.g, 19)) AS o_stop1
                FROM (SELECT pg_temp.ev_ts(s.o_chk, ar.wd) AS t_chk OFFSET 0) z
                OFFSET 0) y
          OFFSET 0) x
    OFFSET 0) ac
CROSS JOIN LATERAL (
    -- app::deadlines::appointment, at submission and at acceptance
    SELECT CASE WHEN b.unit = 'working_hours' THEN b.o_sub + 60 * b.n_time
                ELSE (k.sub_idx + b.n_time + 1) * 480.0 END AS d_sub,
           ar.wd[k.sub_idx + 1] AS counted_sub,
           CASE WHEN b.unit = 'working_hours' THEN ac.o_acc + 60 * b.n_time
                ELSE (k.acc_idx + b.n_time + 1) * 480.0 END AS l0,
           ar.wd[k.acc_idx + 1] AS counted_acc
    FROM (SELECT ar.bef[b.t_sub::date - ar.base + 1]
                 + (b.unit = 'working_days' AND ar.isw[b.t_sub::date - ar.base + 1]
                    AND b.cutoff_time IS NOT NULL AND b.t_sub::time > b.cutoff_time)::int AS sub_idx,
                 ar.bef[ac.t_acc::date - ar.base + 1]
                 + (b.unit = 'working_days' AND b.cutoff_time IS NOT NULL AND ac.t_acc::time > b.cutoff_time)::int AS acc_idx
          OFFSET 0) k
    OFFSET 0) due;

DROP TABLE gen_b;

-- Stage 4: the back office's working minutes (those after a supplement
-- request moved by the pause), then every step as a clock time.
CREATE TEMP TABLE gen_d AS
SELECT c.g, c.id, c.number, c.version_id, c.agency_id, c.agency_code, c.channel, c.applicant_id, c.registered,
       c.online_level, c.payment_due, c.copies, c.exemption, c.rec, c.rec2, c.spec, c.lead, c.pre, c.post, c.sb,
       c.t_sub, c.t_wd, c.t_chk, c.t_supp1, c.t_acc, c.counted_sub, c.counted_acc,
       pg_temp.ev_ts(c.o_stop1, ar.wd) AS t_stop1,
       pg_temp.due_ts(c.d_sub, ar.wd) AS due_sub,
       pg_temp.due_ts(c.l0, ar.wd) AS l0_ts,
       pg_temp.due_ts(c.l0 + 480 * o.w, ar.wd) AS l0w_ts,
       pg_temp.due_ts(o.e0, ar.wd) AS e0_ts,
       pg_temp.due_ts(o.e0 + 480 * o.w, ar.wd) AS e0w_ts,
       o.ext_slot,
       pg_temp.ev_ts(o.o_asg, ar.wd) AS t_asg,
       pg_temp.ev_ts(o.o_stop, ar.wd) AS t_stop,
       pg_temp.ev_ts(o.o_req, ar.wd) AS t_req,
       pg_temp.ev_ts(o.o_stop2, ar.wd) AS t_stop2,
       pg_temp.ev_ts(o.o_req + 480 * o.w, ar.wd) AS t_res,
       pg_temp.ev_ts(o.o_ext0 + o.sh_ext, ar.wd) AS t_ext,
       pg_temp.ev_ts(o.o_p1 + o.sh, ar.wd) AS t_p1,
       pg_temp.ev_ts(o.o_sb + o.sh, ar.wd) AS t_sb,
       pg_temp.ev_ts(o.o_p2 + o.sh, ar.wd) AS t_p2,
       pg_temp.ev_ts(o.o_appr + o.sh, ar.wd) AS t_appr,
       pg_temp.ev_ts(o.o_ret + o.sh, ar.wd) AS t_ret,
       -- at the counter the fee is paid when it falls due: just after
       -- acceptance, or just before the result is handed over
       pg_temp.ev_ts(c.o_acc + 1 + 7 * pg_temp.u(c.g, 32), ar.wd) AS t_pay_acc,
       pg_temp.ev_ts(greatest(c.o_acc + 0.5, o.o_ret + o.sh - 1 - 9 * pg_temp.u(c.g, 32)), ar.wd) AS t_pay_ret
FROM gen_c c CROSS JOIN gen_arr ar
CROSS JOIN LATERAL (
    SELECT x.*,
           CASE WHEN c.post = 'supp' THEN 480 * x.w ELSE 0 END AS sh,
           CASE WHEN c.post = 'supp' AND x.o_ext0 > x.o_req THEN 480 * x.w ELSE 0 END AS sh_ext,
           -- where the apology (extend) falls among the steps
           CASE WHEN NOT x.ext THEN 0
                WHEN c.post = 'supp' AND x.o_ext0 < x.o_req THEN 1   -- processing, before the supplement request
                WHEN x.o_ext0 < x.o_p1 THEN 2                          -- processing
                WHEN c.sb AND x.o_ext0 < x.o_sb THEN 3                 -- awaiting approval, before the send-back
                WHEN c.sb AND x.o_ext0 < x.o_p2 THEN 4                 -- processing again
                WHEN x.o_ext0 < x.o_appr THEN 5                        -- awaiting approval
                ELSE 6 END AS ext_slot                                 -- result ready
    FROM (SELECT y.s,
                 c.o_acc + 0.5 + 0.12 * c.ps * y.s AS o_asg,
                 c.o_acc + 0.5 * c.ps * y.s AS o_stop,
                 c.o_acc + 0.35 * c.ps * y.s AS o_req,
                 c.o_acc + 0.35 * c.ps * y.s + 480 * (15 + 15 * pg_temp.u(c.g, 19)) AS o_stop2,
                 c.o_acc + c.ps * y.s * CASE WHEN c.sb THEN 0.7 ELSE 1 END AS o_p1,
                 c.o_acc + 0.82 * c.ps * y.s AS o_sb,
                 c.o_acc + c.ps * y.s AS o_p2,
                 c.o_acc + least(0.97, c.ps + c.qs) * y.s AS o_appr,
                 c.o_acc + y.s AS o_ret,
                 -- the apology comes in the last hours before the appointment
                 greatest(c.o_acc + 1.5 + 0.12 * c.ps * y.s, c.l0 - 30 - 300 * pg_temp.u(c.g, 18)) AS o_ext0,
                 -- and names the day the result will come, give or take one
                 (ceil(c.l0 / 480) + greatest(1, ceil((c.o_acc + y.s - c.l0) / 480)::int
                                                 + (pg_temp.u(c.g, 18) < 0.3)::int - (pg_temp.u(c.g, 18) > 0.8)::int)) * 480.0 AS e0,
                 -- a supplement's pause: 1–10 working days
                 1 + floor(9 * power(pg_temp.u(c.g, 19), 2))::int AS w,
                 c.late AND pg_temp.u(c.g, 17) < 0.5 AND c.post IN ('normal', 'supp') AS ext
          FROM (SELECT CASE WHEN c.late
                            -- late: after the appointment, by 3 working days on
                            -- average; one in 25 of them stalls for 2–12 months
                            THEN (c.l0 - c.o_acc) + 30
                                 + CASE WHEN pg_temp.u(c.g, 60) < 0.04 THEN 480 * (40 + 210 * pg_temp.u(c.g, 61))
                                        ELSE least(480 * 40, 1440 * -ln(1 - pg_temp.u(c.g, 15))) END
                            -- otherwise a share of the time allowed, skewed to the deadline
                            ELSE greatest(15, (0.02 + 0.98 * power(pg_temp.u(c.g, 13), 0.7)) * (c.l0 - c.o_acc)) END AS s
                OFFSET 0) y
          OFFSET 0) x
    OFFSET 0) o;

DROP TABLE gen_c;

-- Stage 5: the steps in order, as they would happen; how many had happened
-- by the snapshot (k); the dossier's columns after them.
CREATE TEMP TABLE gen_e AS
SELECT d.*, k.k, (d.evs[k.k]).*, k.received_at, k.issued_at, k.assigned, k.requested_by,
       (d.evs[greatest(k.k - 1, 1)]).to_status AS before_last
FROM (
    SELECT d.*, x.delivery, array_remove(ARRAY[
        ROW(d.t_sub, 'submit', 'draft', 'submitted', CASE WHEN d.channel = 'online' THEN d.applicant_id ELSE d.rec END,
            NULL, NULL, d.due_sub, NULL)::pg_temp.gen_ev,
        -- online, before acceptance
        CASE WHEN d.pre = 'withdraw' THEN ROW(d.t_wd, 'withdraw', 'submitted', 'withdrawn', d.applicant_id, NULL,
            d.due_sub, d.due_sub, NULL)::pg_temp.gen_ev END,
        CASE WHEN d.pre = 'refuse' THEN ROW(d.t_chk, 'refuse', 'submitted', 'refused', d.rec, n.refuse,
            d.due_sub, d.due_sub, NULL)::pg_temp.gen_ev END,
        CASE WHEN d.pre IN ('supp', 'supp_stop') THEN ROW(d.t_chk, 'request_supplement', 'submitted',
            'awaiting_supplement', d.rec, n.request, d.due_sub, d.due_sub, NULL)::pg_temp.gen_ev END,
        -- never supplemented before acceptance: refused (slip 03), not
        -- stopped — slip 05 is only for accepted dossiers
        CASE WHEN d.pre = 'supp_stop' THEN ROW(d.t_stop1, 'refuse', 'awaiting_supplement', 'refused',
            d.rec, n.unanswered, d.due_sub, d.due_sub, NULL)::pg_temp.gen_ev END,
        CASE WHEN d.pre = 'supp' THEN ROW(d.t_supp1, 'supplement', 'awaiting_supplement', 'submitted',
            d.applicant_id, n.supplement, d.due_sub, d.due_sub, NULL)::pg_temp.gen_ev END,
        -- accepted: the clock starts
        CASE WHEN x.accepted THEN ROW(d.t_acc, 'accept', 'submitted', 'received', d.rec, NULL,
            d.due_sub, d.l0_ts, d.l0_ts)::pg_temp.gen_ev END,
        CASE WHEN x.accepted THEN ROW(d.t_asg, 'assign', 'received', 'processing', x.rec_or_lead, NULL,
            d.l0_ts, d.l0_ts, d.l0_ts)::pg_temp.gen_ev END,
        CASE WHEN x.accepted AND d.ext_slot = 1 THEN ROW(d.t_ext, 'extend', 'processing', 'processing',
            x.rec_or_lead, n.extend, d.l0_ts, d.e0_ts, d.l0_ts)::pg_temp.gen_ev END,
        CASE WHEN x.accepted AND d.post = 'stop' THEN ROW(d.t_stop, 'stop', 'processing', 'stopped',
            d.lead, n.stop, d.l0_ts, d.l0_ts, d.l0_ts)::pg_temp.gen_ev END,
        CASE WHEN x.accepted AND d.post IN ('supp', 'supp_stop') THEN ROW(d.t_req, 'request_supplement',
            'processing', 'awaiting_supplement', d.spec, n.request, x.due0, x.due0, d.l0_ts)::pg_temp.gen_ev END,
        CASE WHEN x.accepted AND d.post = 'supp_stop' THEN ROW(d.t_stop2, 'stop', 'awaiting_supplement',
            'stopped', d.lead, n.unanswered, x.due0, x.due0, d.l0_ts)::pg_temp.gen_ev END,
        -- the supplement arrives: both appointments move by the pause
        CASE WHEN x.accepted AND d.post = 'supp' THEN ROW(d.t_res, 'supplement', 'awaiting_supplement',
            'processing', d.applicant_id, n.supplement, x.due0, x.due0w, d.l0w_ts)::pg_temp.gen_ev END,
        -- from here on the appointment in force is x.due1 before an
        -- apology, x.due2 after it; the legal one x.legal
        CASE WHEN x.go AND d.ext_slot = 2 THEN ROW(d.t_ext, 'extend', 'processing', 'processing',
            x.rec_or_lead, n.extend, x.due1, x.due2, x.legal)::pg_temp.gen_ev END,
        CASE WHEN x.go THEN ROW(d.t_p1, 'propose', 'processing', 'awaiting_approval', d.spec, NULL,
            x.due_p1, x.due_p1, x.legal)::pg_temp.gen_ev END,
        CASE WHEN x.go AND d.ext_slot = 3 THEN ROW(d.t_ext, 'extend', 'awaiting_approval', 'awaiting_approval',
            x.rec_or_lead, n.extend, x.due1, x.due2, x.legal)::pg_temp.gen_ev END,
        CASE WHEN x.go AND d.sb THEN ROW(d.t_sb, 'send_back', 'awaiting_approval', 'processing', d.lead,
            n.send_back, x.due_sb, x.due_sb, x.legal)::pg_temp.gen_ev END,
        CASE WHEN x.go AND d.ext_slot = 4 THEN ROW(d.t_ext, 'extend', 'processing', 'processing',
            x.rec_or_lead, n.extend, x.due1, x.due2, x.legal)::pg_temp.gen_ev END,
        CASE WHEN x.go AND d.sb THEN ROW(d.t_p2, 'propose', 'processing', 'awaiting_approval', d.spec, NULL,
            x.due_p2, x.due_p2, x.legal)::pg_temp.gen_ev END,
        CASE WHEN x.go AND d.ext_slot = 5 THEN ROW(d.t_ext, 'extend', 'awaiting_approval', 'awaiting_approval',
            x.rec_or_lead, n.extend, x.due1, x.due2, x.legal)::pg_temp.gen_ev END,
        CASE WHEN x.go THEN ROW(d.t_appr, 'approve', 'awaiting_approval', 'result_ready', d.lead, NULL,
            x.due_appr, x.due_appr, x.legal)::pg_temp.gen_ev END,
        CASE WHEN x.go AND d.ext_slot = 6 THEN ROW(d.t_ext, 'extend', 'result_ready', 'result_ready',
            x.rec_or_lead, n.extend, x.due1, x.due2, x.legal)::pg_temp.gen_ev END,
        CASE WHEN x.go THEN ROW(d.t_ret, 'return', 'result_ready', 'returned', d.rec2,
            CASE WHEN x.delivery = 'counter' THEN 'Đã trao kết quả trực tiếp tại bộ phận một cửa.' END,
            x.due2, x.due2, x.legal)::pg_temp.gen_ev END
        ], NULL) AS evs
    FROM gen_d d
    CROSS JOIN LATERAL (
        SELECT y.*,
               CASE WHEN d.ext_slot BETWEEN 1 AND 2 THEN y.due2 ELSE y.due1 END AS due_p1,
               CASE WHEN d.ext_slot BETWEEN 1 AND 3 THEN y.due2 ELSE y.due1 END AS due_sb,
               CASE WHEN d.ext_slot BETWEEN 1 AND 4 THEN y.due2 ELSE y.due1 END AS due_p2,
               CASE WHEN d.ext_slot BETWEEN 1 AND 5 THEN y.due2 ELSE y.due1 END AS due_appr
        FROM (SELECT d.pre IN ('accept', 'supp') AS accepted,
                     d.pre IN ('accept', 'supp') AND d.post IN ('normal', 'supp') AS go,
                     CASE WHEN pg_temp.u(d.g, 25) < 0.5 THEN d.rec ELSE d.lead END AS rec_or_lead,
                     CASE WHEN d.ext_slot = 1 THEN d.e0_ts ELSE d.l0_ts END AS due0,
                     CASE WHEN d.ext_slot = 1 THEN d.e0w_ts ELSE d.l0w_ts END AS due0w,
                     CASE WHEN d.post <> 'supp' THEN d.l0_ts WHEN d.ext_slot = 1 THEN d.e0w_ts ELSE d.l0w_ts END AS due1,
                     CASE WHEN d.ext_slot = 0 THEN CASE WHEN d.post = 'supp' THEN d.l0w_ts ELSE d.l0_ts END
                          WHEN d.post = 'supp' THEN d.e0w_ts ELSE d.e0_ts END AS due2,
                     CASE WHEN d.post = 'supp' THEN d.l0w_ts ELSE d.l0_ts END AS legal,
                     -- partially online procedures hand the result over at the desk
                     CASE WHEN d.online_level = 'partial' THEN 'counter'
                          WHEN d.channel = 'online' THEN CASE WHEN pg_temp.u(d.g, 26) < 0.85 THEN 'online' ELSE 'counter' END
                          ELSE CASE WHEN pg_temp.u(d.g, 26) < 0.3 THEN 'online' ELSE 'counter' END END AS delivery
              OFFSET 0) y
        OFFSET 0) x
    CROSS JOIN LATERAL (
        SELECT (ARRAY['Hồ sơ không thuộc thẩm quyền giải quyết của cơ quan; đề nghị nộp tại cơ quan có thẩm quyền.',
                      'Hồ sơ trùng với hồ sơ đã được tiếp nhận trước đó.',
                      'Người yêu cầu không thuộc đối tượng thực hiện thủ tục.',
                      'Giấy tờ kèm theo không hợp lệ (bản chụp không rõ, hết hiệu lực).'])[1 + floor(u.v * 4)::int] AS refuse,
               (ARRAY['Thiếu bản sao giấy tờ chứng minh nhân thân; đề nghị bổ sung.',
                      'Tờ khai chưa ghi đầy đủ thông tin bắt buộc; đề nghị kê khai lại.',
                      'Ảnh chụp giấy tờ không rõ nét; đề nghị tải lại bản rõ.',
                      'Thiếu giấy tờ chứng minh nơi cư trú.',
                      'Thông tin trên tờ khai không khớp với Cơ sở dữ liệu quốc gia về dân cư; đề nghị kiểm tra lại.'])[1 + floor(u.v * 5)::int] AS request,
               CASE WHEN u.v < 0.5 THEN 'Đã bổ sung giấy tờ theo yêu cầu.' END AS supplement,
               (ARRAY['Người yêu cầu đề nghị dừng giải quyết hồ sơ.',
                      'Phát hiện thông tin trong hồ sơ không trung thực.',
                      'Đối tượng của thủ tục không còn (đã chuyển đi nơi khác).'])[1 + floor(u.v * 3)::int] AS stop,
               'Quá thời hạn nhưng người yêu cầu không bổ sung hồ sơ theo yêu cầu.' AS unanswered,
               (ARRAY['Đề nghị chỉnh sửa dự thảo kết quả cho khớp thông tin trong hồ sơ.',
                      'Cần xác minh thêm thông tin trước khi trình ký.'])[1 + floor(u.v * 2)::int] AS send_back,
               (ARRAY['Cần thêm thời gian xác minh với cơ quan liên quan. Xin lỗi ông/bà vì sự chậm trễ.',
                      'Hệ thống cơ sở dữ liệu chuyên ngành gián đoạn. Xin lỗi ông/bà vì sự chậm trễ.',
                      'Chờ ý kiến của cơ quan phối hợp. Xin lỗi ông/bà vì sự chậm trễ.'])[1 + floor(u.v * 3)::int] AS extend
        FROM (SELECT pg_temp.u(d.g, 27) AS v OFFSET 0) u
        OFFSET 0) n
) d
CROSS JOIN gen_params p
CROSS JOIN LATERAL (
    SELECT count(*)::int AS k,
           max(e.at) FILTER (WHERE e.action = 'accept') AS received_at,
           max(e.at) FILTER (WHERE e.action = 'approve') AS issued_at,
           coalesce(bool_or(e.action = 'assign'), false) AS assigned,
           (array_agg(e.actor ORDER BY e.at DESC) FILTER (WHERE e.action = 'request_supplement'))[1] AS requested_by
    FROM unnest(d.evs) e WHERE e.at <= p.as_of) k;

DROP TABLE gen_d;

-- ---------------------------------------------------------------------
-- Writing it down.
-- ---------------------------------------------------------------------

-- The daily statistics (migration 41) would be upserted once per dossier by
-- the row trigger; the year's dossiers are added to them once, grouped,
-- right after.
ALTER TABLE dossiers DISABLE TRIGGER dossiers_count_statistics_on_insert;

INSERT INTO dossiers (id, code, pin, applicant_id, procedure_version_id, agency_id, status, channel, form_data,
                      submitted_at, counted_from, due_at, created_at, updated_at, version, assignee_id, resumes_to,
                      supplement_requested_by, paused_at, received_at, resolved_at, legal_due_at, filed_by,
                      fee_total, fee_assessment, payment_due, result_delivery, result_issued_at)
OVERRIDING SYSTEM VALUE
SELECT e.id,
       e.agency_code || '-' || to_char(e.t_sub, 'YYMMDD') || '-'
           || CASE WHEN e.number < 10000 THEN lpad(e.number::text, 4, '0') ELSE e.number::text END,
       lpad(floor(pg_temp.u(e.g, 30) * 1000000)::int::text, 6, '0'),
       e.applicant_id, e.version_id, e.agency_id, e.to_status, e.channel, f.form_data,
       e.t_sub AT TIME ZONE 'Asia/Ho_Chi_Minh',
       CASE WHEN e.received_at IS NOT NULL THEN e.counted_acc ELSE e.counted_sub END,
       e.due_after,
       -- the draft was begun a few minutes before (online: while filling in the form)
       (e.t_sub - make_interval(secs => CASE WHEN e.channel = 'online' THEN 180 + 2400 * pg_temp.u(e.g, 42)
                                             ELSE 120 + 600 * pg_temp.u(e.g, 42) END)) AT TIME ZONE 'Asia/Ho_Chi_Minh',
       e.at AT TIME ZONE 'Asia/Ho_Chi_Minh',
       e.k - 1,
       CASE WHEN e.assigned THEN e.spec END,
       CASE WHEN e.to_status = 'awaiting_supplement' THEN e.before_last END,
       e.requested_by,
       CASE WHEN e.to_status = 'awaiting_supplement' THEN e.at AT TIME ZONE 'Asia/Ho_Chi_Minh' END,
       e.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh',
       CASE WHEN e.to_status IN ('returned', 'refused', 'stopped', 'withdrawn') THEN e.at AT TIME ZONE 'Asia/Ho_Chi_Minh' END,
       e.legal,
       CASE WHEN e.channel <> 'online' THEN e.rec END,
       f.fee_total, f.fee_assessment, e.payment_due,
       CASE WHEN e.to_status = 'returned' THEN e.delivery END,
       e.issued_at AT TIME ZONE 'Asia/Ho_Chi_Minh'
FROM gen_e e
JOIN gen_fees f ON f.version_id = e.version_id AND f.copies = e.copies AND f.exemption = e.exemption;

ALTER TABLE dossiers ENABLE TRIGGER dossiers_count_statistics_on_insert;
INSERT INTO statistics_daily_dossiers AS x (agency_id, measure, day, procedure_version_id, channel, dossiers)
SELECT d.agency_id, m.measure, m.day, d.procedure_version_id, d.channel, count(*)
FROM dossiers d, LATERAL statistics_dossier_measures(d) m
WHERE d.id IN (SELECT id FROM gen_e)
GROUP BY 1, 2, 3, 4, 5
ON CONFLICT (agency_id, measure, day, procedure_version_id, channel) DO UPDATE
    SET dossiers = x.dossiers + EXCLUDED.dossiers;

INSERT INTO dossier_history (dossier_id, occurred_at, actor_id, action, from_status, to_status, note, due_before, due_after)
SELECT e.id, h.at AT TIME ZONE 'Asia/Ho_Chi_Minh', h.actor, h.action, h.from_status, h.to_status, h.note,
       CASE WHEN h.action <> 'submit' THEN h.due_before END,
       CASE WHEN h.action <> 'submit' THEN h.due_after END
FROM gen_e e
CROSS JOIN LATERAL unnest(e.evs[1:e.k]) h;

INSERT INTO dossier_code_counters (agency_id, day, last_number)
SELECT agency_id, t_sub::date, max(number) FROM gen_e GROUP BY agency_id, t_sub::date
ON CONFLICT (agency_id, day) DO UPDATE
    SET last_number = greatest(dossier_code_counters.last_number, EXCLUDED.last_number);

-- Payments: for each fee-paying dossier, how and when it pays, kept when
-- that was before the snapshot and while the dossier was open (a fee due
-- before the result is paid only by dossiers that get one). Receipt
-- numbers follow settlement order per agency and year.
CREATE TEMP TABLE gen_pay AS
SELECT q.*,
       a.code || '/BL' || q.year || '/'
           || CASE WHEN q.receipt_no < 1000000 THEN lpad(q.receipt_no::text, 6, '0') ELSE q.receipt_no::text END AS receipt
FROM (
    SELECT y.*,
           coalesce(rc.last_number, 0)
               + row_number() OVER (PARTITION BY y.agency_id, y.year ORDER BY y.settled_local, y.dossier_id) AS receipt_no,
           row_number() OVER (ORDER BY y.settled_local, y.dossier_id) AS seq
    FROM (
        SELECT z.*, extract(year FROM z.settled_local)::int AS year
        FROM (
            SELECT e.id AS dossier_id, e.g, e.agency_id, f.fee_total AS amount, e.rec, e.rec2, m.mode,
                   (e.evs[cardinality(e.evs)]).at AS final_at,
                   (e.evs[cardinality(e.evs)]).to_status AS final_status,
                   CASE WHEN (e.evs[cardinality(e.evs)]).to_status = 'returned'
                        THEN least(m.candidate, e.t_ret - interval '30 seconds') ELSE m.candidate END AS settled_local
            FROM gen_e e
            JOIN gen_fees f ON f.version_id = e.version_id AND f.copies = e.copies AND f.exemption = e.exemption
            CROSS JOIN LATERAL (
                SELECT n.mode,
                       CASE WHEN n.mode = 'online' THEN
                                CASE WHEN e.payment_due = 'submission' THEN e.t_sub + make_interval(secs => 60 + 1740 * pg_temp.u(e.g, 32))
                                     ELSE e.t_appr + make_interval(secs => 600 + 172800 * pg_temp.u(e.g, 32)) END
                            WHEN e.payment_due = 'submission' AND e.channel <> 'online' THEN e.t_pay_acc
                            ELSE e.t_pay_ret END AS candidate
                FROM (SELECT CASE WHEN e.channel = 'online' AND pg_temp.u(e.g, 31) < 0.5 THEN 'online' ELSE 'counter' END AS mode
                      OFFSET 0) n
                OFFSET 0) m
            WHERE f.fee_total > 0
              AND (e.payment_due = 'submission' OR (e.evs[cardinality(e.evs)]).to_status = 'returned')
        ) z
        CROSS JOIN gen_params p
        WHERE z.settled_local <= p.as_of
          AND (z.final_status = 'returned' OR z.settled_local < z.final_at)
    ) y
    LEFT JOIN receipt_counters rc ON rc.agency_id = y.agency_id AND rc.year = y.year
) q
JOIN agencies a ON a.id = q.agency_id;

-- Failed or abandoned online attempts before some of the online payments.
-- References: MC<yymmdd><12 hex digits>, distinct by construction.
INSERT INTO payments (reference, dossier_id, gateway, method, amount_vnd, status, created_at, expires_at, gateway_transaction)
SELECT 'MC' || to_char(t.created_local, 'YYMMDD')
           || upper(lpad(to_hex((p.seq * 2 + 1) * 40503 % 281474976710656), 12, '0')),
       p.dossier_id, 'sandbox', 'online', p.amount, CASE WHEN t.u < 0.07 THEN 'failed' ELSE 'expired' END,
       t.created_local AT TIME ZONE 'Asia/Ho_Chi_Minh',
       (t.created_local + interval '15 minutes') AT TIME ZONE 'Asia/Ho_Chi_Minh',
       CASE WHEN t.u < 0.07 THEN 'SBX' || lpad((((p.seq * 2 + 1) * 2654435761) % 10000000000)::text, 10, '0') END
FROM gen_pay p
CROSS JOIN LATERAL (SELECT pg_temp.u(p.g, 33) AS u,
                           p.settled_local - make_interval(secs => 1200 + 1800 * pg_temp.u(p.g, 34)) AS created_local
                    OFFSET 0) t
WHERE p.mode = 'online' AND t.u < 0.12;

INSERT INTO payments (reference, dossier_id, gateway, method, amount_vnd, status, created_at, expires_at, settled_at,
                      gateway_transaction, receipt_number, recorded_by, counter_receipt, refunded_at, refunded_by, refund_note)
SELECT CASE WHEN p.mode = 'online'
            THEN 'MC' || to_char(p.settled_local - interval '2 minutes', 'YYMMDD')
                 || upper(lpad(to_hex((p.seq * 2) * 40503 % 281474976710656), 12, '0'))
            ELSE 'QUAY-' || p.receipt END,
       p.dossier_id, CASE WHEN p.mode = 'online' THEN 'sandbox' ELSE 'counter' END,
       CASE WHEN p.mode = 'online' THEN 'online' WHEN pg_temp.u(p.g, 35) < 0.8 THEN 'cash' ELSE 'card' END,
       p.amount,
       CASE WHEN NOT r.owed THEN 'paid' WHEN r.refunded THEN 'refunded' ELSE 'refund_due' END,
       (p.settled_local - CASE WHEN p.mode = 'online' THEN interval '2 minutes' ELSE interval '0' END) AT TIME ZONE 'Asia/Ho_Chi_Minh',
       (p.settled_local + CASE WHEN p.mode = 'online' THEN interval '13 minutes' ELSE interval '0' END) AT TIME ZONE 'Asia/Ho_Chi_Minh',
       p.settled_local AT TIME ZONE 'Asia/Ho_Chi_Minh',
       CASE WHEN p.mode = 'online' THEN 'SBX' || lpad((((p.seq * 2) * 2654435761) % 10000000000)::text, 10, '0') END,
       p.receipt,
       CASE WHEN p.mode = 'counter' THEN p.rec END,
       CASE WHEN p.mode = 'counter' THEN format('%s/%s', lpad((1 + p.receipt_no / 100)::text, 3, '0'),
                                               lpad((p.receipt_no % 100)::text, 2, '0')) END,
       CASE WHEN r.refunded THEN (p.final_at + make_interval(secs => 259200 + 345600 * pg_temp.u(p.g, 36))) AT TIME ZONE 'Asia/Ho_Chi_Minh' END,
       CASE WHEN r.refunded THEN p.rec2 END,
       CASE WHEN r.refunded THEN CASE WHEN pg_temp.u(p.g, 37) < 0.5 THEN 'Đã hoàn trả tiền mặt tại bộ phận một cửa.'
                                      ELSE 'Đã chuyển khoản hoàn trả vào tài khoản của người nộp.' END END
FROM gen_pay p
CROSS JOIN gen_params g
CROSS JOIN LATERAL (
    -- paid for a dossier since refused, withdrawn or stopped: owed back,
    -- and usually paid back within days
    SELECT x.owed, x.owed AND p.final_at + interval '10 days' <= g.as_of AND pg_temp.u(p.g, 38) < 0.7 AS refunded
    FROM (SELECT p.final_status <> 'returned' AND p.final_at <= g.as_of AS owed OFFSET 0) x
    OFFSET 0) r
ORDER BY p.seq;

INSERT INTO receipt_counters (agency_id, year, last_number)
SELECT agency_id, year, max(receipt_no) FROM gen_pay GROUP BY agency_id, year
ON CONFLICT (agency_id, year) DO UPDATE
    SET last_number = greatest(receipt_counters.last_number, EXCLUDED.last_number);

-- Ratings: about 30% of returned dossiers, by applicants with an account,
-- ten minutes to two weeks after the return; mostly satisfied, less when late.
INSERT INTO dossier_ratings (dossier_id, rated_by, overall, timeliness, attitude, guidance, comment, created_at)
SELECT r.id, r.applicant_id, r.overall,
       greatest(1, least(5, CASE WHEN r.late THEN least(r.overall, 1 + floor(3 * pg_temp.u(r.g, 53))::int)
                                 ELSE r.overall + floor(3 * pg_temp.u(r.g, 53))::int - 1 END)),
       greatest(1, least(5, r.overall + floor(3 * pg_temp.u(r.g, 54))::int - 1)),
       greatest(1, least(5, r.overall + floor(3 * pg_temp.u(r.g, 55))::int - 1)),
       CASE WHEN pg_temp.u(r.g, 56) < 0.12 THEN
           CASE WHEN r.overall >= 4 THEN (ARRAY['Cán bộ hướng dẫn tận tình, trả kết quả đúng hẹn.',
                                                'Thủ tục nhanh gọn, nộp trực tuyến rất tiện.',
                                                'Rất hài lòng.'])[1 + floor(3 * pg_temp.u(r.g, 57))::int]
                WHEN r.overall = 3 THEN 'Tạm được, nhưng phải chờ khá lâu.'
                ELSE (ARRAY['Trả kết quả chậm so với giấy hẹn.',
                            'Phải bổ sung giấy tờ nhiều lần, hướng dẫn chưa rõ.'])[1 + floor(2 * pg_temp.u(r.g, 57))::int] END END,
       r.rated_local AT TIME ZONE 'Asia/Ho_Chi_Minh'
FROM (
    SELECT e.id, e.g, e.applicant_id, e.at > e.legal AS late,
           e.at + make_interval(secs => 600 + power(pg_temp.u(e.g, 51), 3) * 1209600) AS rated_local,
           CASE WHEN e.at > e.legal
                THEN CASE WHEN l.v < 0.25 THEN 5 WHEN l.v < 0.55 THEN 4 WHEN l.v < 0.75 THEN 3 WHEN l.v < 0.9 THEN 2 ELSE 1 END
                ELSE CASE WHEN l.v < 0.55 THEN 5 WHEN l.v < 0.82 THEN 4 WHEN l.v < 0.92 THEN 3 WHEN l.v < 0.97 THEN 2 ELSE 1 END
           END AS overall
    FROM gen_e e
    CROSS JOIN LATERAL (SELECT pg_temp.u(e.g, 52) AS v OFFSET 0) l
    WHERE e.to_status = 'returned' AND e.registered AND pg_temp.u(e.g, 50) < 0.35
) r
CROSS JOIN gen_params p
WHERE r.rated_local <= p.as_of;

DROP TABLE gen_pay, gen_e, gen_fees, gen_pool, gen_pool_size, gen_citizens, gen_staff, gen_agencies, gen_day_weights,
           gen_days_online, gen_days_counter, gen_pair_th, gen_pairs, gen_arr, gen_cal, gen_params;
DROP FUNCTION pg_temp.full_name(bigint, int, gen_names);
DROP TABLE gen_names;
DROP TYPE pg_temp.gen_ev;
DROP FUNCTION pg_temp.u(bigint, int), pg_temp.ev_ts(float8, date[]), pg_temp.due_ts(float8, date[]),
              pg_temp.ts_ord(timestamp, smallint[], boolean[], date);

ANALYZE users, user_roles, dossiers, dossier_history, dossier_code_counters, payments, receipt_counters, dossier_ratings;
