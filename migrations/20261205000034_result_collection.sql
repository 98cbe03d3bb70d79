-- Who collected a result handed over at the counter, and when: the
-- applicant or the person they authorised (issue 17 item 9). The officer
-- records it on "Trả kết quả".
ALTER TABLE dossiers
    ADD COLUMN collected_by_name text,
    ADD COLUMN collected_by_citizen_id text,
    ADD COLUMN collected_at timestamptz;
