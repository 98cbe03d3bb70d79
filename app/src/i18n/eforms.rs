//! Words of the e-forms: the problems the checks find (the same on the
//! server and in the browser) and the fields' own small words.

pub struct EformTexts {
    /// Put after the label of a field that may be left empty.
    pub optional_suffix: &'static str,
    /// The first, empty option of a select.
    pub choose_placeholder: &'static str,
    /// ☑ written out on summaries and slips.
    pub checked: &'static str,
    /// A field shown only for one answer of another (label, answer).
    pub only_when: fn(&str, &str) -> String,
    /// Under every date field: how to write it.
    pub date_example: &'static str,

    // A required field left empty; each gets the label lower-cased.
    pub choose: fn(&str) -> String,
    pub confirm: fn(&str) -> String,
    pub enter: fn(&str) -> String,

    pub too_short: fn(&str, usize) -> String,
    /// (label, most, now).
    pub too_long: fn(&str, usize, usize) -> String,
    /// (label, an example of the right form).
    pub wrong_form: fn(&str, &str) -> String,
    pub not_a_number: fn(&str) -> String,
    pub at_least: fn(&str, i64) -> String,
    pub at_most: fn(&str, i64) -> String,
    pub not_a_date: fn(&str) -> String,
    pub before_today: fn(&str) -> String,
    /// (label, the earliest day allowed).
    pub not_before: fn(&str, &str) -> String,
    pub choose_from_list: fn(&str) -> String,

    // An address's parts; each gets the address's label lower-cased.
    pub choose_province: fn(&str) -> String,
    pub province_not_listed: &'static str,
    pub choose_commune: fn(&str) -> String,
    /// (the province's name).
    pub commune_not_in_province: fn(&str) -> String,
    pub enter_street: fn(&str) -> String,
    /// (most, now).
    pub street_too_long: fn(usize, usize) -> String,

    /// A field shown only when a rule of the form says so.
    pub only_when_rule: &'static str,
    /// The answers of a yes/no question.
    pub yes: &'static str,
    pub no: &'static str,
    /// Under a time field.
    pub time_example: &'static str,
    /// The two dates of a date range.
    pub range_from: &'static str,
    pub range_to: &'static str,
    /// Under a computed value.
    pub calculated_hint: &'static str,
    /// (label, most decimals).
    pub too_many_decimals: fn(&str, u8) -> String,
    pub not_a_time: fn(&str) -> String,
    /// (label): the second date of a range is before the first.
    pub range_backwards: fn(&str) -> String,
    pub wrong_tax_code: fn(&str) -> String,
    pub wrong_plate: fn(&str) -> String,
    /// (label, fewest).
    pub too_few_choices: fn(&str, usize) -> String,
    /// (label, most).
    pub too_many_choices: fn(&str, usize) -> String,

    // A file question.
    /// A required file question with no file yet (label lower-cased).
    pub upload: fn(&str) -> String,
    /// Under the file input: (the kinds, most files, most MB per file or
    /// 0 for the portal's own limit).
    pub file_hint: fn(&str, usize, u32) -> String,
    pub file_choose: &'static str,
    pub file_upload: &'static str,
    /// The remove button's label (file name).
    pub file_remove: fn(&str) -> String,
    /// In the builder's preview and trial: files go up on the filing page.
    pub file_only_when_filing: &'static str,
    /// Under an answer prefilled from a verified identity (read-only).
    pub verified_hint: &'static str,
}

pub const VI: EformTexts = EformTexts {
    optional_suffix: " (không bắt buộc)",
    choose_placeholder: "— Chọn —",
    checked: "Có",
    only_when: |label, answer| format!("Chỉ điền khi “{label}” là “{answer}”."),
    date_example: "Ví dụ: 27/03/2007",

    choose: |label| format!("Chọn {label}."),
    confirm: |label| format!("Cần xác nhận: {label}."),
    enter: |label| format!("Nhập {label}."),

    too_short: |label, min| format!("{label} phải có ít nhất {min} ký tự."),
    too_long: |label, max, length| {
        format!("{label} không được dài quá {max} ký tự (hiện có {length}).")
    },
    wrong_form: |label, example| format!("{label} chưa đúng dạng: {example}."),
    not_a_number: |label| format!("{label} phải là một số, ví dụ 2 hoặc 150000."),
    at_least: |label, min| format!("{label} phải từ {min} trở lên."),
    at_most: |label, max| format!("{label} không được lớn hơn {max}."),
    not_a_date: |label| {
        format!("{label} không hợp lệ. Nhập theo dạng ngày/tháng/năm, ví dụ 27/03/2007.")
    },
    before_today: |label| format!("{label} phải trước hôm nay."),
    not_before: |label, earlier| format!("{label} không được trước ngày {earlier}."),
    choose_from_list: |label| format!("Chọn {label} trong danh sách."),

    choose_province: |label| format!("Chọn tỉnh/thành phố của {label}."),
    province_not_listed: "Chọn tỉnh/thành phố trong danh sách.",
    choose_commune: |label| format!("Chọn xã/phường của {label}."),
    commune_not_in_province: |province| {
        format!("Xã/phường đã chọn không thuộc {province}. Chọn lại xã/phường.")
    },
    enter_street: |label| format!("Nhập số nhà, đường hoặc thôn, tổ của {label}."),
    street_too_long: |max, length| {
        format!("Số nhà, đường không được dài quá {max} ký tự (hiện có {length}).")
    },

    only_when_rule: "Chỉ điền khi câu trả lời ở trên cần đến.",
    yes: "Có",
    no: "Không",
    time_example: "Ví dụ: 08:30",
    range_from: "Từ ngày",
    range_to: "Đến ngày",
    calculated_hint: "Tự tính từ các câu trả lời.",
    too_many_decimals: |label, places| {
        format!("{label} chỉ được có tối đa {places} chữ số sau dấu phẩy.")
    },
    not_a_time: |label| format!("{label} chưa đúng dạng giờ:phút, ví dụ 08:30."),
    range_backwards: |label| format!("{label}: ngày kết thúc không được trước ngày bắt đầu."),
    wrong_tax_code: |label| {
        format!(
            "{label} gồm 10 chữ số, hoặc 10 chữ số, dấu gạch và 3 chữ số (ví dụ 0101234567-001)."
        )
    },
    wrong_plate: |label| format!("{label} chưa đúng dạng biển số, ví dụ 29A-123.45."),
    too_few_choices: |label, min| format!("{label}: chọn ít nhất {min} mục."),
    too_many_choices: |label, max| format!("{label}: chọn nhiều nhất {max} mục."),

    upload: |label| format!("Tải lên {label}."),
    file_hint: |kinds, files, mb| match (files, mb) {
        (1, 0) => format!("Một tệp {kinds}."),
        (1, _) => format!("Một tệp {kinds}, tối đa {mb} MB."),
        (_, 0) => format!("Tối đa {files} tệp {kinds}."),
        _ => format!("Tối đa {files} tệp {kinds}, mỗi tệp tối đa {mb} MB."),
    },
    file_choose: "Chọn tệp",
    file_upload: "Tải lên",
    file_remove: |name| format!("Xóa tệp “{name}”"),
    file_only_when_filing: "Tệp được tải lên khi nộp hồ sơ.",
    verified_hint: "Lấy từ tài khoản định danh điện tử đã xác thực, không sửa được.",
};

pub const EN: EformTexts = EformTexts {
    optional_suffix: " (optional)",
    choose_placeholder: "— Choose —",
    checked: "Yes",
    only_when: |label, answer| format!("Only when “{label}” is “{answer}”."),
    date_example: "For example: 27/03/2007",

    choose: |label| format!("Choose {label}."),
    confirm: |label| format!("Please confirm: {label}."),
    enter: |label| format!("Enter {label}."),

    too_short: |label, min| format!("{label} must have at least {min} characters."),
    too_long: |label, max, length| {
        format!("{label} must be at most {max} characters (now {length}).")
    },
    wrong_form: |label, example| format!("{label} is not in the right form: {example}."),
    not_a_number: |label| format!("{label} must be a number, for example 2 or 150000."),
    at_least: |label, min| format!("{label} must be at least {min}."),
    at_most: |label, max| format!("{label} must be at most {max}."),
    not_a_date: |label| {
        format!("{label} is not a real date. Enter it as day/month/year, for example 27/03/2007.")
    },
    before_today: |label| format!("{label} must be before today."),
    not_before: |label, earlier| format!("{label} cannot be before {earlier}."),
    choose_from_list: |label| format!("Choose {label} from the list."),

    choose_province: |label| format!("Choose the province of {label}."),
    province_not_listed: "Choose a province from the list.",
    choose_commune: |label| format!("Choose the commune or ward of {label}."),
    commune_not_in_province: |province| {
        format!("The commune chosen is not in {province}. Choose the commune again.")
    },
    enter_street: |label| format!("Enter the house number and street or village of {label}."),
    street_too_long: |max, length| {
        format!("The street part must be at most {max} characters (now {length}).")
    },

    only_when_rule: "Only when an answer above calls for it.",
    yes: "Yes",
    no: "No",
    time_example: "For example: 08:30",
    range_from: "From",
    range_to: "To",
    calculated_hint: "Worked out from your answers.",
    too_many_decimals: |label, places| {
        format!("{label} may have at most {places} digits after the decimal point.")
    },
    not_a_time: |label| format!("{label} must be a time as hours:minutes, for example 08:30."),
    range_backwards: |label| format!("{label}: the end date cannot be before the start date."),
    wrong_tax_code: |label| {
        format!("{label} has 10 digits, or 10 digits, a dash and 3 digits (for example 0101234567-001).")
    },
    wrong_plate: |label| format!("{label} is not a plate number like 29A-123.45."),
    too_few_choices: |label, min| format!("{label}: choose at least {min}."),
    too_many_choices: |label, max| format!("{label}: choose at most {max}."),

    upload: |label| format!("Upload {label}."),
    file_hint: |kinds, files, mb| match (files, mb) {
        (1, 0) => format!("One {kinds} file."),
        (1, _) => format!("One {kinds} file, at most {mb} MB."),
        (_, 0) => format!("Up to {files} {kinds} files."),
        _ => format!("Up to {files} {kinds} files, each at most {mb} MB."),
    },
    file_choose: "Choose a file",
    file_upload: "Upload",
    file_remove: |name| format!("Remove “{name}”"),
    file_only_when_filing: "Files are uploaded when the dossier is filed.",
    verified_hint: "From your verified electronic identity; it cannot be changed.",
};
