-- Same-day procedures: "giải quyết ngay trong ngày; trường hợp nhận hồ sơ
-- sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo" (chứng thực under
-- Decree 23/2015, khai sinh / kết hôn / khai tử under the Civil Status Law;
-- see docs/legal-basis.md). The value of a same-day time is 1: at most one
-- working day, which is what the workflow's step budgets share out.
ALTER TABLE procedure_versions DROP CONSTRAINT procedure_versions_processing_time_unit_check;
ALTER TABLE procedure_versions ADD CONSTRAINT procedure_versions_processing_time_unit_check
    CHECK (processing_time_unit IN ('working_days', 'working_hours', 'same_day'));

CREATE OR REPLACE FUNCTION insert_default_workflow(version procedure_versions) RETURNS void
    LANGUAGE plpgsql AS $$
DECLARE
    total integer := CASE version.processing_time_unit
        WHEN 'working_days' THEN version.processing_time_value * 8
        WHEN 'same_day' THEN 8
        ELSE version.processing_time_value END;
    share integer := CASE WHEN total >= 3 THEN greatest(1, total / 8) ELSE 0 END;
BEGIN
    INSERT INTO workflow_steps (version_id, position, stage, role, name, name_en, budget_hours) VALUES
        (version.id, 1, 'reception', 'reception', 'Tiếp nhận, kiểm tra hồ sơ', 'Receive and check the dossier',
         CASE version.processing_time_unit WHEN 'working_hours' THEN 1 ELSE 8 END),
        (version.id, 2, 'processing', 'specialist', 'Thẩm định hồ sơ, dự thảo kết quả',
         'Examine the dossier and draft the result', total - 2 * share),
        (version.id, 3, 'approval', 'leader', 'Lãnh đạo xem xét, phê duyệt kết quả',
         'The leader reviews and approves the result', share),
        (version.id, 4, 'return', 'reception', 'Trả kết quả cho người nộp',
         'Release the result to the applicant', share);
END
$$;
