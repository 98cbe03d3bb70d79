//! Words of the citizen's own pages: confirming a withdrawal, the documents
//! a dossier was filed with, the payments list, the footer.

pub struct CitizenTexts {
    pub withdraw_title: fn(&str) -> String,
    pub withdraw_warning: &'static str,
    pub withdraw_confirm: &'static str,
    pub withdraw_cancel: &'static str,
    pub withdraw_not_possible: &'static str,
    pub back_to_dossier: &'static str,

    pub documents_heading: &'static str,
    pub documents_empty: &'static str,
    pub column_slot: &'static str,
    pub column_file: &'static str,
    pub column_size: &'static str,

    pub filter_label: &'static str,
    pub filter_status: &'static str,
    pub filter_any: &'static str,
    pub filter_button: &'static str,
    pub dossiers_count: fn(i64) -> String,
    pub none_in_status: &'static str,

    pub wallet_column_name: &'static str,
    pub wallet_column_kind: &'static str,
    pub wallet_column_format: &'static str,
    pub wallet_column_added: &'static str,
    pub wallet_result: &'static str,
    pub wallet_unused: &'static str,

    pub payments_title: &'static str,
    pub payments_lead: &'static str,
    pub payments_empty: &'static str,
    pub column_dossier: &'static str,
    pub column_procedure: &'static str,
    pub column_amount: &'static str,
    pub column_status: &'static str,
    pub column_at: &'static str,
    pub column_receipt: &'static str,
    pub payment_failed: &'static str,
    pub method: fn(&str) -> &'static str,
    pub receipt_link: fn(&str) -> String,

    /// The operations screen's reload without JavaScript, only on request.
    pub auto_refresh_start: &'static str,
    pub auto_refresh_on: &'static str,
    pub auto_refresh_stop: &'static str,
}

pub const VI: CitizenTexts = CitizenTexts {
    withdraw_title: |code| format!("Rút hồ sơ {code}?"),
    withdraw_warning: "Hồ sơ đã rút thì không khôi phục được: cơ quan sẽ không giải quyết hồ sơ này nữa. Muốn được giải quyết, bạn phải nộp hồ sơ mới.",
    withdraw_confirm: "Xác nhận rút hồ sơ",
    withdraw_cancel: "Không rút, quay lại hồ sơ",
    withdraw_not_possible: "Hồ sơ này không thể rút trực tuyến: bộ phận một cửa đã tiếp nhận hoặc hồ sơ đã kết thúc.",
    back_to_dossier: "Quay lại hồ sơ",

    documents_heading: "Giấy tờ đã nộp",
    documents_empty: "Chưa có giấy tờ nào được tải lên.",
    column_slot: "Thành phần hồ sơ",
    column_file: "Tệp",
    column_size: "Dung lượng",

    filter_label: "Lọc hồ sơ",
    filter_status: "Trạng thái",
    filter_any: "Tất cả trạng thái",
    filter_button: "Lọc",
    dossiers_count: |count| format!("{count} hồ sơ"),
    none_in_status: "Không có hồ sơ nào ở trạng thái này.",

    wallet_column_name: "Tên tệp",
    wallet_column_kind: "Loại giấy tờ",
    wallet_column_format: "Định dạng",
    wallet_column_added: "Ngày tải lên",
    wallet_result: "Kết quả giải quyết hồ sơ",
    wallet_unused: "Chưa dùng cho hồ sơ nào",

    payments_title: "Thanh toán",
    payments_lead: "Các khoản phí, lệ phí bạn đã thanh toán hoặc đang chờ xác nhận, trên mọi hồ sơ, kèm biên lai.",
    payments_empty: "Bạn chưa có khoản thanh toán nào.",
    column_dossier: "Mã hồ sơ",
    column_procedure: "Thủ tục",
    column_amount: "Số tiền",
    column_status: "Trạng thái",
    column_at: "Thời điểm",
    column_receipt: "Biên lai",
    payment_failed: "Không thành công",
    method: |method| match method {
        "cash" => "Tiền mặt tại quầy",
        "card" => "Thẻ tại quầy",
        _ => "Trực tuyến",
    },
    receipt_link: |number| format!("Biên lai số {number}"),

    auto_refresh_start: "Tự tải lại trang mỗi phút (cho màn hình theo dõi, khi trình duyệt không chạy JavaScript)",
    auto_refresh_on: "Trang tự tải lại mỗi phút.",
    auto_refresh_stop: "Dừng tự tải lại",
};

pub const EN: CitizenTexts = CitizenTexts {
    withdraw_title: |code| format!("Withdraw dossier {code}?"),
    withdraw_warning: "A withdrawn dossier cannot be restored: the agency will no longer handle it. To have the matter handled, you must file a new dossier.",
    withdraw_confirm: "Yes, withdraw the dossier",
    withdraw_cancel: "Do not withdraw, back to the dossier",
    withdraw_not_possible: "This dossier cannot be withdrawn online: the one-stop shop has accepted it or it is closed.",
    back_to_dossier: "Back to the dossier",

    documents_heading: "Documents submitted",
    documents_empty: "No document has been uploaded.",
    column_slot: "Document",
    column_file: "File",
    column_size: "Size",

    filter_label: "Filter dossiers",
    filter_status: "Status",
    filter_any: "Any status",
    filter_button: "Filter",
    dossiers_count: |count| match count {
        1 => "1 dossier".to_string(),
        count => format!("{count} dossiers"),
    },
    none_in_status: "You have no dossier in this status.",

    wallet_column_name: "File name",
    wallet_column_kind: "Document",
    wallet_column_format: "Format",
    wallet_column_added: "Uploaded on",
    wallet_result: "Result of a dossier",
    wallet_unused: "Not used in any dossier yet",

    payments_title: "Payments",
    payments_lead: "The fees and charges you have paid or are waiting to be confirmed, on all your dossiers, with their receipts.",
    payments_empty: "You have made no payment yet.",
    column_dossier: "Dossier code",
    column_procedure: "Procedure",
    column_amount: "Amount",
    column_status: "Status",
    column_at: "Date",
    column_receipt: "Receipt",
    payment_failed: "Failed",
    method: |method| match method {
        "cash" => "Cash at the counter",
        "card" => "Card at the counter",
        _ => "Online",
    },
    receipt_link: |number| format!("Receipt no. {number}"),

    auto_refresh_start: "Reload the page every minute (for a wall screen, when the browser runs no JavaScript)",
    auto_refresh_on: "The page reloads every minute.",
    auto_refresh_stop: "Stop reloading",
};
