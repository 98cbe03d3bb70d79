-- Each agency's office hours: the working periods of its working days
-- ("HH:MM-HH:MM"), which count working hours and a day's closing time for
-- the dossiers it receives. The default is the common 08:00–12:00,
-- 13:00–17:00; administrators of the province set each agency's own.
ALTER TABLE agencies
    ADD COLUMN office_hours text[] NOT NULL DEFAULT '{08:00-12:00,13:00-17:00}'
        CHECK (cardinality(office_hours) BETWEEN 1 AND 4
               AND array_to_string(office_hours, ',') ~ '^([0-2][0-9]:[0-5][0-9]-[0-2][0-9]:[0-5][0-9],?)+$');
