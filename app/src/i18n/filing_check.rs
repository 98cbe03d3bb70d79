//! Words of the filing page's order (documents, fees, declaration, then
//! "Tiếp tục") and of the check page ("Kiểm tra hồ sơ") before submission.

pub struct FilingCheckTexts {
    /// The filing page's main button: on to the check page.
    pub continue_button: &'static str,
    pub continue_hint: &'static str,
    pub declaration_heading: &'static str,
    /// The fee worked out from the answers on the page: (total, when due).
    pub fee_from_answers: fn(&str, &str) -> String,
    /// Put before a page's title while its form shows errors.
    pub title_error_prefix: &'static str,

    pub title: &'static str,
    pub lead: &'static str,
    /// "Thay đổi" and, for screen readers, what it changes.
    pub change: &'static str,
    pub office: &'static str,
    pub office_none: &'static str,
    pub answers: &'static str,
    pub documents: &'static str,
    pub no_file: &'static str,
    pub fees: &'static str,
    pub no_fees: &'static str,
    pub appointment: &'static str,
    pub appointment_value: fn(&str) -> String,
    pub appointment_note: &'static str,
    pub submit_hint: &'static str,
    pub not_ready: fn(usize) -> String,
    pub back_to_form: &'static str,
    pub fee_changed: &'static str,
    pub nothing_to_check: &'static str,
}

pub const VI: FilingCheckTexts = FilingCheckTexts {
    continue_button: "Tiếp tục",
    continue_hint: "Bước tiếp theo: kiểm tra lại toàn bộ hồ sơ, phí, lệ phí và ngày hẹn trả trước khi nộp.",
    declaration_heading: "Cam đoan",
    fee_from_answers: |total, due| format!("Theo nội dung đã khai: {total} ({due}). Số tiền chính xác hiện ở bước kiểm tra hồ sơ, trước khi nộp."),
    title_error_prefix: "Lỗi: ",

    title: "Kiểm tra hồ sơ trước khi nộp",
    lead: "Xem lại nội dung dưới đây. Chọn “Thay đổi” để sửa một mục; hồ sơ chỉ được gửi đi khi bạn bấm “Nộp hồ sơ”.",
    change: "Thay đổi",
    office: "Nơi nộp hồ sơ",
    office_none: "Chưa chọn",
    answers: "Nội dung tờ khai",
    documents: "Thành phần hồ sơ",
    no_file: "Chưa có tệp",
    fees: "Phí, lệ phí",
    no_fees: "Thủ tục này không thu phí, lệ phí.",
    appointment: "Ngày hẹn trả kết quả",
    appointment_value: |day| format!("{day} (nếu hồ sơ được tiếp nhận ngay bây giờ)"),
    appointment_note: "Ngày hẹn chính thức được ghi trên giấy tiếp nhận khi bộ phận một cửa tiếp nhận hồ sơ.",
    submit_hint: "Khi bấm “Nộp hồ sơ”, bạn xác nhận các thông tin trên là đúng và gửi hồ sơ đến cơ quan tiếp nhận.",
    not_ready: |count| format!("Hồ sơ chưa thể nộp: còn {count} mục cần hoàn thiện. Quay lại tờ khai để sửa."),
    back_to_form: "Quay lại tờ khai",
    fee_changed: "Số tiền phí, lệ phí đã thay đổi so với lúc bạn kiểm tra. Vui lòng kiểm tra lại trước khi nộp.",
    nothing_to_check: "Bạn chưa có bản nháp nào cho thủ tục này.",
};

pub const EN: FilingCheckTexts = FilingCheckTexts {
    continue_button: "Continue",
    continue_hint: "Next: check the whole dossier, the fees and the result date before you submit it.",
    declaration_heading: "Declaration",
    fee_from_answers: |total, due| format!("For the answers given: {total} ({due}). The exact amount is shown on the check page, before you submit."),
    title_error_prefix: "Error: ",

    title: "Check your dossier before submitting",
    lead: "Read through what follows. Choose “Change” to correct an item; the dossier is sent only when you press “Submit the dossier”.",
    change: "Change",
    office: "Where to file",
    office_none: "Not chosen",
    answers: "Form answers",
    documents: "Required documents",
    no_file: "No file yet",
    fees: "Fees and charges",
    no_fees: "This procedure charges no fees.",
    appointment: "Result due on",
    appointment_value: |day| format!("{day} (if the dossier is accepted now)"),
    appointment_note: "The official date is written on the receipt slip when the one-stop shop accepts the dossier.",
    submit_hint: "By pressing “Submit the dossier” you confirm that the above is correct and send the dossier to the receiving agency.",
    not_ready: |count| format!("The dossier cannot be submitted yet: {count} item(s) to complete. Go back to the form to correct them."),
    back_to_form: "Back to the form",
    fee_changed: "The fees have changed since you checked them. Please check again before submitting.",
    nothing_to_check: "You have no draft for this procedure.",
};
