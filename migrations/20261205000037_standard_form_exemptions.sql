-- A procedure filed with the standard form may exempt or reduce its fees
-- for some groups (fee_exemptions). The applicant then says which group
-- they belong to: the standard form of such a version gets one more
-- question, before its declaration, whose options are the version's
-- groups; the version's exemption_field names it (set when the draft is
-- saved), so the fee engine reads the answer like any e-form's.
CREATE OR REPLACE VIEW procedure_version_forms AS
SELECT v.id AS version_id,
       CASE
           WHEN v.eform IS NOT NULL THEN v.eform
           WHEN groups.options IS NULL THEN s.definition
           ELSE jsonb_insert(s.definition, '{sections,-1}', jsonb_build_object(
               'title', jsonb_build_object('vi', 'Miễn, giảm phí', 'en', 'Fee exemption or reduction'),
               'fields', jsonb_build_array(jsonb_build_object(
                   'name', 'fee_exemption',
                   'label', jsonb_build_object('vi', 'Bạn thuộc đối tượng được miễn, giảm phí nào?',
                                               'en', 'Are you in a group exempted from the fee?'),
                   'help', jsonb_build_object(
                       'vi', 'Nếu chọn một đối tượng, tải lên giấy tờ chứng minh trong thành phần hồ sơ.',
                       'en', 'If you choose a group, upload the document that proves it with your documents.'),
                   'type', 'radio',
                   'required', true,
                   'options', jsonb_build_array(jsonb_build_object(
                       'value', 'khong',
                       'label', jsonb_build_object('vi', 'Không thuộc đối tượng nào', 'en', 'None of these'))
                   ) || groups.options))))
       END AS eform,
       v.eform IS NULL AS standard
FROM procedure_versions v
LEFT JOIN standard_filing_form s ON s.singleton
LEFT JOIN LATERAL (
    SELECT jsonb_agg(jsonb_build_object(
               'value', e.code,
               'label', jsonb_build_object('vi', e.name, 'en', e.name))
           ORDER BY e.percent_off DESC, e.code) AS options
    FROM fee_exemptions e WHERE e.version_id = v.id
) groups ON true;
