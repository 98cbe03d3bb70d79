-- Slip 04 (apology and a new appointment date) and slips that read the
-- same every time they are downloaded.
--
-- dossiers.due_at stays the appointment in force: what the applicant is
-- told and what the inbox marks against. legal_due_at is the appointment
-- set at acceptance, moved only by supplement pauses: statistics judge
-- lateness against it, so an apology's new date never turns a late dossier
-- into an on-time one.
ALTER TABLE dossiers ADD COLUMN legal_due_at timestamp;
UPDATE dossiers SET legal_due_at = due_at WHERE received_at IS NOT NULL;

-- The appointment in force before and after each step, so a slip printed
-- later from the step (slip 04 names the missed date and the new one) and
-- the control slip's on-time marks do not depend on today's values.
ALTER TABLE dossier_history ADD COLUMN due_before timestamp, ADD COLUMN due_after timestamp;
