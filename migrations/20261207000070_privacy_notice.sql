-- The privacy notice (thông báo xử lý dữ liệu cá nhân, Law 91/2025/QH15):
-- who processes a person's data, for which purposes and on which legal
-- basis, for how long, and their rights. It is versioned: a person's
-- consent names the version they read, and a new version asks again.
-- The text is data, like every other content of the portal.

CREATE TABLE privacy_notices (
    version integer PRIMARY KEY CHECK (version > 0),
    published_at timestamptz NOT NULL DEFAULT now(),
    title_vi text NOT NULL,
    title_en text NOT NULL,
    -- Paragraphs separated by a blank line.
    body_vi text NOT NULL,
    body_en text NOT NULL,
    -- [{"name_vi", "name_en", "basis": "consent" | "law", "detail_vi", "detail_en"}]:
    -- the purposes, each with its legal basis. Consent is asked for the
    -- purposes whose basis is consent; the others rest on the law that
    -- makes the procedure, and are told, not asked.
    purposes jsonb NOT NULL CHECK (jsonb_typeof(purposes) = 'array')
);

-- A person's consent to a version of the notice: when, and where it was
-- asked. One per person and version.
CREATE TABLE privacy_consents (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES users (id),
    notice_version integer NOT NULL REFERENCES privacy_notices (version),
    given_at timestamptz NOT NULL DEFAULT now(),
    place text NOT NULL CHECK (place IN ('registration', 'filing', 'notice_page')),
    ip inet,
    UNIQUE (user_id, notice_version)
);

INSERT INTO privacy_notices (version, published_at, title_vi, title_en, body_vi, body_en, purposes)
VALUES (1, '2026-12-07T00:00:00+07:00',
'Thông báo xử lý dữ liệu cá nhân',
'Privacy notice',
'Cổng dịch vụ công Một Cửa do Văn phòng Ủy ban nhân dân tỉnh vận hành (bên kiểm soát dữ liệu). Thông báo này cho biết cổng xử lý dữ liệu cá nhân nào của bạn, vì mục đích gì, dựa trên căn cứ pháp lý nào và trong bao lâu, theo Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15.

Dữ liệu được xử lý: họ tên, số định danh cá nhân, ngày sinh, địa chỉ, email, số điện thoại; nội dung và giấy tờ của hồ sơ bạn nộp; thông tin thanh toán; câu hỏi, phản ánh và đánh giá bạn gửi; nhật ký đăng nhập và các lần cán bộ mở hồ sơ của bạn.

Dữ liệu của hồ sơ thủ tục hành chính được xử lý theo quy định của pháp luật về thủ tục đó, không cần sự đồng ý của bạn. Các mục đích dựa trên sự đồng ý được nêu rõ dưới đây; bạn có thể rút lại sự đồng ý bất cứ lúc nào qua tổng đài hỗ trợ hoặc hộp thư góp ý, việc rút lại không ảnh hưởng đến những gì đã xử lý trước đó.

Thời hạn lưu giữ: hồ sơ đã nộp được lưu theo quy định về lưu trữ hồ sơ hành chính; hồ sơ nháp không dùng đến và lịch sử trò chuyện với trợ lý được xoá tự động sau thời hạn ghi tại trang Dữ liệu cá nhân của bạn.

Quyền của bạn: biết và xem dữ liệu (tải về tại trang Dữ liệu cá nhân), yêu cầu chỉnh sửa, xoá hồ sơ nháp và giấy tờ chưa dùng, rút lại sự đồng ý, khiếu nại đến cơ quan có thẩm quyền.',
'The Một Cửa public service portal is run by the Office of the Provincial People''s Committee (the data controller). This notice tells you which of your personal data the portal processes, for what purposes, on which legal basis and for how long, under the Personal Data Protection Law No. 91/2025/QH15.

Data processed: full name, personal ID number, date of birth, address, email, phone number; the content and documents of the applications you file; payment details; the questions, field reports and ratings you send; the sign-in log and each time an official opens your application.

The data of an administrative application is processed as the law on that procedure requires, without needing your consent. The purposes that rest on your consent are listed below; you may withdraw it at any time through the help line or the feedback address, which does not affect what was processed before.

How long: filed applications are kept as the rules on administrative records require; unused drafts and your conversations with the assistant are deleted automatically after the periods shown on your Personal data page.

Your rights: to know and see your data (download it from your Personal data page), to ask for a correction, to delete your drafts and unused documents, to withdraw consent, and to complain to the competent authority.',
'[
  {"name_vi": "Quản lý tài khoản, đăng nhập và liên hệ với bạn (thư, tin nhắn về hồ sơ)", "name_en": "Your account, signing in and contacting you (mail and messages about your applications)", "basis": "consent",
   "detail_vi": "Tài khoản trên cổng là tự nguyện: bạn vẫn có thể nộp hồ sơ trực tiếp tại bộ phận một cửa.", "detail_en": "An account on the portal is voluntary: you can still apply in person at the one-stop desk."},
  {"name_vi": "Trợ lý hỏi đáp và phản ánh hiện trường", "name_en": "The Q&A assistant and field reports", "basis": "consent",
   "detail_vi": "Câu hỏi và phản ánh bạn gửi, kể cả ảnh và vị trí, để trả lời và xử lý.", "detail_en": "The questions and reports you send, photos and places included, to answer and handle them."},
  {"name_vi": "Tiếp nhận, giải quyết hồ sơ thủ tục hành chính và trả kết quả", "name_en": "Receiving, handling and returning the result of administrative applications", "basis": "law",
   "detail_vi": "Theo quy định của thủ tục (Nghị định 61/2018/NĐ-CP, 107/2021/NĐ-CP và văn bản của từng thủ tục).", "detail_en": "As the procedure requires (Decrees 61/2018/ND-CP, 107/2021/ND-CP and each procedure''s own legal texts)."},
  {"name_vi": "Thu phí, lệ phí trực tuyến", "name_en": "Paying fees online", "basis": "law",
   "detail_vi": "Số tiền, mã giao dịch và kết quả thanh toán, không lưu số thẻ.", "detail_en": "The amount, the transaction reference and the outcome; card numbers are never kept."},
  {"name_vi": "Thống kê, báo cáo tình hình giải quyết thủ tục", "name_en": "Statistics and reports on how applications are handled", "basis": "law",
   "detail_vi": "Chỉ dùng số liệu tổng hợp, không định danh người nộp.", "detail_en": "Aggregate figures only, naming no applicant."}
]'::jsonb);
