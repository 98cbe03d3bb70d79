//! Words of the service index cards (Decision 766) on `/thong-ke`.

use crate::statistics::service_index::{Criterion, IndexGroup};

pub struct ServiceIndexTexts {
    pub heading: &'static str,
    pub lead: &'static str,
    pub group: fn(IndexGroup) -> &'static str,
    /// Earned, measurable: "x of y points measurable".
    pub earned: fn(&str, &str) -> String,
    /// Measurable, the group's points.
    pub measurable: fn(&str, &str) -> String,
    pub nothing_measurable: &'static str,
    /// A criterion's name and what it counts here.
    pub criterion: fn(Criterion) -> (&'static str, &'static str),
    /// Score, points.
    pub criterion_score: fn(&str, &str) -> String,
    /// A criterion's points when it is not scored.
    pub criterion_points: fn(&str) -> String,
    /// The rate from which the points are full.
    pub full_from: fn(&str) -> String,
    /// Full at or under the first rate, none from the second.
    pub full_under: fn(&str, &str) -> String,
    pub outside: &'static str,
    pub nothing_to_count: &'static str,
}

pub const VI: ServiceIndexTexts = ServiceIndexTexts {
    heading: "Bộ chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg)",
    lead: "Chỉ chấm các tiêu chí đo được từ dữ liệu của cổng này trong kỳ đã chọn; mỗi tiêu chí đạt điểm tối đa khi đạt ngưỡng của nó. Tiêu chí cần dữ liệu của hệ thống khác được ghi rõ và không tính điểm. Đây không phải là điểm đánh giá chính thức nên không có tổng điểm trên 100.",
    group: |group| match group {
        IndexGroup::Transparency => "Công khai, minh bạch",
        IndexGroup::Progress => "Tiến độ, kết quả giải quyết",
        IndexGroup::OnlineService => "Cung cấp dịch vụ trực tuyến",
        IndexGroup::Digitisation => "Số hóa hồ sơ, tái sử dụng dữ liệu",
        IndexGroup::Satisfaction => "Mức độ hài lòng",
    },
    earned: |earned, measurable| format!("{earned} / {measurable} điểm đo được"),
    measurable: |measurable, points| format!("Đo được {measurable} trên {points} điểm của nhóm"),
    nothing_measurable: "Chưa đo được tiêu chí nào trong kỳ",
    criterion: |criterion| match criterion {
        Criterion::ProceduresPublished => ("Thủ tục công khai đầy đủ", "Thủ tục cơ quan thực hiện có đủ thành phần hồ sơ, căn cứ pháp lý và kết quả, trên tổng số thủ tục."),
        Criterion::NationalPortalSync => ("Đồng bộ với Cổng Dịch vụ công quốc gia", "Công khai thủ tục và tiến độ hồ sơ trên Cổng Dịch vụ công quốc gia."),
        Criterion::FeedbackHandled => ("Xử lý phản ánh, kiến nghị", "Phản ánh, kiến nghị được xử lý và công khai."),
        Criterion::ResolvedInTime => ("Giải quyết đúng hạn", "Hồ sơ trả kết quả trước hạn và đúng hạn trên tổng số đã giải quyết (Biểu 06)."),
        Criterion::PendingWithinDeadline => ("Đang giải quyết trong hạn", "Hồ sơ đang giải quyết chưa quá hạn cuối kỳ trên tổng số đang giải quyết (Biểu 06)."),
        Criterion::LateApologised => ("Xin lỗi khi trễ hạn", "Hồ sơ quá hạn (đã giải quyết hoặc đang giải quyết) có văn bản xin lỗi (mẫu 04) trên tổng số hồ sơ quá hạn."),
        Criterion::RepeatSupplements => ("Hướng dẫn một lần, đầy đủ", "Hồ sơ bị yêu cầu bổ sung từ lần thứ hai trên tổng số hồ sơ nhận giải quyết; tính trừ điểm cơ quan."),
        Criterion::ProceduresFullyOnline => ("Thủ tục trực tuyến toàn trình", "Thủ tục cung cấp dịch vụ công trực tuyến toàn trình trên tổng số thủ tục."),
        Criterion::FiledOnline => ("Hồ sơ nộp trực tuyến", "Hồ sơ mới tiếp nhận trực tuyến trên tổng số hồ sơ mới tiếp nhận."),
        Criterion::PaidOnline => ("Thanh toán trực tuyến", "Giao dịch nộp phí, lệ phí qua cổng thanh toán trên tổng số giao dịch đã thu."),
        Criterion::DossiersDigitised => ("Số hóa hồ sơ", "Hồ sơ mới tiếp nhận có thành phần là tệp điện tử trên tổng số hồ sơ mới."),
        Criterion::ResultsElectronic => ("Kết quả điện tử", "Hồ sơ trả kết quả điện tử vào kho dữ liệu của người dân trên tổng số đã giải quyết."),
        Criterion::DataReused => ("Tái sử dụng dữ liệu đã số hóa", "Hồ sơ mới dùng lại giấy tờ đã số hóa (tệp hoặc kết quả đã có trong kho dữ liệu) trên tổng số hồ sơ mới."),
        Criterion::NationalDataReused => ("Khai thác cơ sở dữ liệu quốc gia", "Dữ liệu lấy từ các cơ sở dữ liệu quốc gia (dân cư, đăng ký doanh nghiệp, đất đai…)."),
        Criterion::Satisfied => ("Đánh giá hài lòng", "Đánh giá hài lòng, rất hài lòng trên tổng số đánh giá trong kỳ."),
        Criterion::NationalSurvey => ("Khảo sát hài lòng quốc gia", "Kết quả khảo sát, đánh giá trên Cổng Dịch vụ công quốc gia."),
    },
    criterion_score: |score, points| format!("{score}/{points} điểm"),
    criterion_points: |points| format!("{points} điểm"),
    full_from: |rate| format!("tối đa từ {rate}"),
    full_under: |full, zero| format!("tối đa khi không quá {full}, 0 điểm từ {zero}"),
    outside: "cần dữ liệu của hệ thống khác, không tính điểm",
    nothing_to_count: "không có số liệu trong kỳ, không tính điểm",
};

pub const EN: ServiceIndexTexts = ServiceIndexTexts {
    heading: "Service index (Decision 766/QĐ-TTg)",
    lead: "Only the criteria this portal's data can measure are scored, for the chosen period; each reaches its full points at its threshold. Criteria that need another system's data are named and not scored. These are not the official scores, so there is no total out of 100.",
    group: |group| match group {
        IndexGroup::Transparency => "Publicity and transparency",
        IndexGroup::Progress => "Progress and results",
        IndexGroup::OnlineService => "Online service provision",
        IndexGroup::Digitisation => "Digitisation and reuse of data",
        IndexGroup::Satisfaction => "Satisfaction",
    },
    earned: |earned, measurable| format!("{earned} of {measurable} points measurable"),
    measurable: |measurable, points| format!("{measurable} of the group's {points} points measurable"),
    nothing_measurable: "No criterion could be measured in this period",
    criterion: |criterion| match criterion {
        Criterion::ProceduresPublished => ("Procedures published in full", "Procedures of the agencies with their documents, legal basis and result published, of all their procedures."),
        Criterion::NationalPortalSync => ("Synchronised with the National Public Service Portal", "Procedures and dossier progress published on the national portal."),
        Criterion::FeedbackHandled => ("Feedback handled", "Citizens' feedback and recommendations handled and published."),
        Criterion::ResolvedInTime => ("Resolved in time", "Results issued before or on the deadline, of all resolved (Form 06)."),
        Criterion::PendingWithinDeadline => ("Pending within the deadline", "Pending dossiers not overdue at the end of the period, of all pending (Form 06)."),
        Criterion::LateApologised => ("Apology when late", "Late dossiers (resolved or pending) with an apology (slip 04), of all late ones."),
        Criterion::RepeatSupplements => ("Guided once and completely", "Dossiers asked for a supplement a second time, of all received; counts against the agency."),
        Criterion::ProceduresFullyOnline => ("Procedures fully online", "Procedures offered fully online, of all procedures."),
        Criterion::FiledOnline => ("Dossiers filed online", "New dossiers received online, of all new dossiers."),
        Criterion::PaidOnline => ("Online payment", "Fee payments through a payment gateway, of all payments."),
        Criterion::DossiersDigitised => ("Dossiers digitised", "New dossiers with documents as files, of all new dossiers."),
        Criterion::ResultsElectronic => ("Electronic results", "Results returned electronically to the citizen's wallet, of all resolved."),
        Criterion::DataReused => ("Digitised data reused", "New dossiers reusing a document already digitised (a file or result in the wallet), of all new dossiers."),
        Criterion::NationalDataReused => ("National databases used", "Data taken from the national databases (population, business registration, land…)."),
        Criterion::Satisfied => ("Satisfied ratings", "Ratings satisfied or very satisfied, of all ratings in the period."),
        Criterion::NationalSurvey => ("National satisfaction survey", "Survey and ratings on the National Public Service Portal."),
    },
    criterion_score: |score, points| format!("{score}/{points} points"),
    criterion_points: |points| format!("{points} points"),
    full_from: |rate| format!("full from {rate}"),
    full_under: |full, zero| format!("full at or under {full}, none from {zero}"),
    outside: "needs another system's data, not scored",
    nothing_to_count: "nothing to count in this period, not scored",
};
