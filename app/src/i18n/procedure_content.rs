//! Words of the draft editor's fees and workflow (`/quan-tri/thu-tuc/{code}`).

use crate::administration::procedures::{ExemptionLine, FeeLine, StepLine};
use crate::money::Vnd;

pub struct ProcedureContentTexts {
    pub fees: &'static str,
    pub fees_hint: &'static str,
    pub fee_kind: &'static str,
    pub kind_phi: &'static str,
    pub kind_le_phi: &'static str,
    pub fee_description: &'static str,
    pub amount: &'static str,
    pub charged: &'static str,
    pub per_field: &'static str,
    pub per_field_hint: &'static str,
    pub beyond: &'static str,
    pub note: &'static str,
    pub fee_row: fn(usize) -> String,
    pub payment_due: &'static str,
    pub due_submission: &'static str,
    pub due_before_result: &'static str,
    pub exemptions: &'static str,
    pub exemptions_hint: &'static str,
    pub exemption_row: fn(usize) -> String,
    pub exemption_code: &'static str,
    pub exemption_name: &'static str,
    pub percent_off: &'static str,
    pub evidence_document: &'static str,
    pub evidence_none: &'static str,
    pub workflow: &'static str,
    pub workflow_hint: &'static str,
    pub step_name: &'static str,
    pub step_name_en: &'static str,
    pub budget_hours: &'static str,
    /// The stage's heading and who takes it.
    pub stage_heading: fn(&str) -> &'static str,
    pub payment_due_invalid: &'static str,
    pub fee_kind_invalid: &'static str,
    pub amount_invalid: &'static str,
    pub per_field_unknown: &'static str,
    pub beyond_invalid: &'static str,
    pub exemption_code_invalid: &'static str,
    pub percent_off_invalid: &'static str,
    pub evidence_unknown: &'static str,
    pub budget_invalid: &'static str,
    /// The steps' hours and the limit's.
    pub workflow_exceeds: fn(u32, u32) -> String,
    pub workflow_malformed: &'static str,
    /// One line of the differences between versions.
    pub fee_line: fn(&FeeLine) -> String,
    pub exemption_line: fn(&ExemptionLine) -> String,
    pub step_line: fn(&StepLine) -> String,
    pub payment_due_text: fn(&str) -> &'static str,
    pub compare_link: &'static str,
    pub compare_title: &'static str,
    pub compare_lead: &'static str,
    pub compare_from: &'static str,
    pub compare_to: &'static str,
    pub compare_button: &'static str,
    pub compare_field: &'static str,
    /// The column headings: "Phiên bản 2".
    pub version_n: fn(i32) -> String,
    pub compare_same: &'static str,
    pub new_procedure: &'static str,
    pub new_procedure_lead: &'static str,
    pub procedure_code: &'static str,
    pub procedure_code_hint: &'static str,
    pub sector: &'static str,
    pub level: &'static str,
    pub level_province: &'static str,
    pub level_commune: &'static str,
    pub agency: &'static str,
    pub agency_hint: &'static str,
    pub create_button: &'static str,
    pub created: &'static str,
    pub procedure_code_invalid: &'static str,
    pub procedure_code_taken: &'static str,
    pub level_invalid: &'static str,
    pub choice_unknown: &'static str,
    pub not_yet_published: &'static str,
    pub discard_unpublished: &'static str,
    pub procedure_removed: &'static str,
    pub communes_implement: &'static str,
}

fn amount(vnd: i64) -> String {
    Vnd(vnd).to_string()
}

pub const VI: ProcedureContentTexts = ProcedureContentTexts {
    fees: "Phí, lệ phí",
    fees_hint: "Để trống nội dung để bỏ một dòng; các dòng trống cuối dùng để thêm. Dòng \"thu khi nộp\" được tính vào số tiền hồ sơ phải nộp; các dòng khác chỉ hiển thị.",
    fee_kind: "Loại",
    kind_phi: "Phí",
    kind_le_phi: "Lệ phí",
    fee_description: "Nội dung",
    amount: "Mức thu (đồng)",
    charged: "Thu khi nộp hồ sơ",
    per_field: "Tính theo số lượng ở trường",
    per_field_hint: "Tên trường số lượng trong biểu mẫu (ví dụ so_ban_sao); để trống nếu thu một lần cho mỗi hồ sơ.",
    beyond: "Không tính … đơn vị đầu",
    note: "Ghi chú",
    fee_row: |index| format!("Dòng phí {index}"),
    payment_due: "Thời điểm nộp phí",
    due_submission: "Khi nộp hồ sơ",
    due_before_result: "Trước khi nhận kết quả",
    exemptions: "Miễn, giảm phí",
    exemptions_hint: "Mỗi đối tượng được miễn (100%) hoặc giảm, kèm giấy tờ chứng minh trong thành phần hồ sơ. Người nộp chọn đối tượng trên biểu mẫu.",
    exemption_row: |index| format!("Đối tượng {index}"),
    exemption_code: "Mã đối tượng",
    exemption_name: "Tên đối tượng",
    percent_off: "Tỷ lệ miễn, giảm (%)",
    evidence_document: "Giấy tờ chứng minh",
    evidence_none: "Không yêu cầu",
    workflow: "Quy trình nội bộ",
    workflow_hint: "Thời gian của các bước xử lý, phê duyệt và trả kết quả cộng lại không được vượt thời hạn giải quyết (8 giờ làm việc là một ngày). Bước tiếp nhận diễn ra trước khi thời hạn bắt đầu tính.",
    step_name: "Tên bước",
    step_name_en: "Tên bước (tiếng Anh)",
    budget_hours: "Thời gian (giờ làm việc)",
    stage_heading: |stage| match stage {
        "reception" => "Tiếp nhận — bộ phận một cửa",
        "processing" => "Xử lý — chuyên viên",
        "approval" => "Phê duyệt — lãnh đạo",
        _ => "Trả kết quả — bộ phận một cửa",
    },
    payment_due_invalid: "Chọn thời điểm nộp phí.",
    fee_kind_invalid: "Chọn phí hoặc lệ phí.",
    amount_invalid: "Nhập mức thu bằng số đồng, từ 0 đến 100.000.000.",
    per_field_unknown: "Biểu mẫu của thủ tục không có trường này.",
    beyond_invalid: "Nhập một số từ 0 đến 1000.",
    exemption_code_invalid: "Nhập mã gồm chữ thường không dấu, số và dấu gạch dưới, không trùng mã khác.",
    percent_off_invalid: "Nhập tỷ lệ từ 1 đến 100.",
    evidence_unknown: "Chọn một giấy tờ trong thành phần hồ sơ.",
    budget_invalid: "Nhập số giờ làm việc, từ 0 đến 2920.",
    workflow_exceeds: |steps, limit| format!(
        "Chưa xuất bản: các bước xử lý, phê duyệt và trả kết quả cần {steps} giờ làm việc, vượt thời hạn giải quyết {limit} giờ. Giảm thời gian các bước hoặc sửa thời hạn."
    ),
    workflow_malformed: "Chưa xuất bản: quy trình phải có đủ bốn bước tiếp nhận, xử lý, phê duyệt và trả kết quả.",
    fee_line: |fee| {
        let kind = if fee.kind == "phi" { "Phí" } else { "Lệ phí" };
        let charged = if fee.charged { ", thu khi nộp" } else { "" };
        let per = if fee.per_field.is_empty() {
            String::new()
        } else {
            format!(", theo {} (trừ {} đầu)", fee.per_field, fee.beyond)
        };
        format!("{kind}: {} — {}{charged}{per}", fee.description, amount(fee.amount_vnd))
    },
    exemption_line: |exemption| {
        let evidence = if exemption.evidence_document.is_empty() {
            String::new()
        } else {
            format!(" — chứng minh bằng {}", exemption.evidence_document)
        };
        format!("{} ({}): giảm {}%{evidence}", exemption.name, exemption.code, exemption.percent_off)
    },
    step_line: |step| format!("{}: {} giờ", step.name, step.budget_hours),
    payment_due_text: |due| if due == "before_result" { "Trước khi nhận kết quả" } else { "Khi nộp hồ sơ" },
    compare_link: "So sánh hai phiên bản",
    compare_title: "So sánh phiên bản",
    compare_lead: "Chọn hai phiên bản; bảng liệt kê từng nội dung khác nhau.",
    compare_from: "Phiên bản trước",
    compare_to: "Phiên bản sau",
    compare_button: "So sánh",
    compare_field: "Nội dung",
    version_n: |version| format!("Phiên bản {version}"),
    compare_same: "Hai phiên bản có nội dung giống nhau.",
    new_procedure: "Thêm thủ tục mới",
    new_procedure_lead: "Khi quyết định công bố một thủ tục mới: nhập mã và các thông tin chính. Phiên bản 1 là bản nháp; bổ sung thành phần hồ sơ, phí và quy trình, rồi một quản trị viên khác xuất bản. Người dân chỉ thấy thủ tục sau khi xuất bản.",
    procedure_code: "Mã thủ tục",
    procedure_code_hint: "Mã trên Cơ sở dữ liệu quốc gia về thủ tục hành chính, ví dụ 1.012345.",
    sector: "Lĩnh vực",
    level: "Cấp thực hiện",
    level_province: "Cấp tỉnh",
    level_commune: "Cấp xã",
    agency: "Cơ quan thực hiện",
    agency_hint: "Với thủ tục cấp xã, mọi Ủy ban nhân dân cấp xã đều tiếp nhận.",
    create_button: "Tạo thủ tục",
    created: "Đã tạo thủ tục. Bổ sung nội dung cho bản nháp phiên bản 1.",
    procedure_code_invalid: "Nhập mã thủ tục gồm một chữ số, dấu chấm và sáu chữ số, ví dụ 1.012345.",
    procedure_code_taken: "Đã có thủ tục mang mã này.",
    level_invalid: "Chọn cấp thực hiện.",
    choice_unknown: "Chọn một mục trong danh sách.",
    not_yet_published: "Chưa xuất bản",
    discard_unpublished: "Hủy thủ tục chưa xuất bản",
    procedure_removed: "Đã hủy thủ tục chưa xuất bản.",
    communes_implement: "Ủy ban nhân dân cấp xã",
};

pub const EN: ProcedureContentTexts = ProcedureContentTexts {
    fees: "Fees and charges",
    fees_hint: "Empty the description to drop a line; the blank lines at the end add new ones. Lines \"charged on filing\" make up what a dossier pays; the others are only shown.",
    fee_kind: "Kind",
    kind_phi: "Fee (phí)",
    kind_le_phi: "Charge (lệ phí)",
    fee_description: "Description",
    amount: "Amount (đồng)",
    charged: "Charged on filing",
    per_field: "Per unit of the form field",
    per_field_hint: "The name of a quantity field of the form (for example so_ban_sao); leave empty to charge once per dossier.",
    beyond: "Not counting the first … units",
    note: "Note",
    fee_row: |index| format!("Fee line {index}"),
    payment_due: "When the fee is paid",
    due_submission: "On filing",
    due_before_result: "Before the result is collected",
    exemptions: "Exemptions and reductions",
    exemptions_hint: "Each group exempted (100%) or given a reduction, with the document of the dossier that proves it. Applicants choose their group on the form.",
    exemption_row: |index| format!("Group {index}"),
    exemption_code: "Group code",
    exemption_name: "Group name",
    percent_off: "Exempted share (%)",
    evidence_document: "Proving document",
    evidence_none: "None required",
    workflow: "Internal workflow",
    workflow_hint: "Processing, approval and return together may not take longer than the processing time (8 working hours make a day). Reception comes before the time limit starts.",
    step_name: "Step name",
    step_name_en: "Step name (English)",
    budget_hours: "Time (working hours)",
    stage_heading: |stage| match stage {
        "reception" => "Reception — one-stop desk",
        "processing" => "Processing — specialist",
        "approval" => "Approval — leader",
        _ => "Return of the result — one-stop desk",
    },
    payment_due_invalid: "Choose when the fee is paid.",
    fee_kind_invalid: "Choose fee or charge.",
    amount_invalid: "Enter the amount in whole đồng, from 0 to 100,000,000.",
    per_field_unknown: "The procedure's form has no such field.",
    beyond_invalid: "Enter a number from 0 to 1000.",
    exemption_code_invalid: "Enter a code of lowercase letters, digits and underscores, different from the others.",
    percent_off_invalid: "Enter a share from 1 to 100.",
    evidence_unknown: "Choose a document of the dossier.",
    budget_invalid: "Enter working hours, from 0 to 2920.",
    workflow_exceeds: |steps, limit| format!(
        "Not published: processing, approval and return take {steps} working hours, more than the processing time of {limit} hours. Shorten the steps or change the processing time."
    ),
    workflow_malformed: "Not published: the workflow needs its four steps: reception, processing, approval and return.",
    fee_line: |fee| {
        let kind = if fee.kind == "phi" { "Fee" } else { "Charge" };
        let charged = if fee.charged { ", charged on filing" } else { "" };
        let per = if fee.per_field.is_empty() {
            String::new()
        } else {
            format!(", per {} (after the first {})", fee.per_field, fee.beyond)
        };
        format!("{kind}: {} — {}{charged}{per}", fee.description, amount(fee.amount_vnd))
    },
    exemption_line: |exemption| {
        let evidence = if exemption.evidence_document.is_empty() {
            String::new()
        } else {
            format!(" — proved by {}", exemption.evidence_document)
        };
        format!("{} ({}): {}% off{evidence}", exemption.name, exemption.code, exemption.percent_off)
    },
    step_line: |step| format!("{}: {} hours", step.name, step.budget_hours),
    payment_due_text: |due| if due == "before_result" { "Before the result is collected" } else { "On filing" },
    compare_link: "Compare two versions",
    compare_title: "Compare versions",
    compare_lead: "Choose two versions; the table lists every field that differs.",
    compare_from: "Earlier version",
    compare_to: "Later version",
    compare_button: "Compare",
    compare_field: "Field",
    version_n: |version| format!("Version {version}"),
    compare_same: "The two versions have the same content.",
    new_procedure: "Add a new procedure",
    new_procedure_lead: "When a decision announces a new procedure: enter its code and main facts. Version 1 is a draft; add its documents, fees and workflow, then another administrator publishes it. Citizens see the procedure only once it is published.",
    procedure_code: "Procedure code",
    procedure_code_hint: "The code in the national database of administrative procedures, for example 1.012345.",
    sector: "Sector",
    level: "Implemented at",
    level_province: "Province",
    level_commune: "Commune",
    agency: "Implementing agency",
    agency_hint: "A commune procedure is received by every commune people's committee.",
    create_button: "Create the procedure",
    created: "The procedure is created. Complete the draft of version 1.",
    procedure_code_invalid: "Enter a code of one digit, a dot and six digits, for example 1.012345.",
    procedure_code_taken: "A procedure with this code already exists.",
    level_invalid: "Choose where it is implemented.",
    choice_unknown: "Choose an item from the list.",
    not_yet_published: "Not yet published",
    discard_unpublished: "Discard the unpublished procedure",
    procedure_removed: "The unpublished procedure is discarded.",
    communes_implement: "Commune people's committee",
};
