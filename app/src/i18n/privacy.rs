//! The privacy notice (`/quyen-rieng-tu`) and the consent it asks for, at
//! registration, before filing and on its own page.

pub struct PrivacyTexts {
    pub nav: &'static str,
    /// "Version 1, published 07/12/2026".
    pub version: fn(i32, &str) -> String,
    pub purposes_heading: &'static str,
    pub purpose: &'static str,
    pub basis: &'static str,
    pub basis_consent: &'static str,
    pub basis_law: &'static str,
    /// The consent checkbox, naming the notice's version.
    pub consent_label: fn(i32) -> String,
    pub consent_hint: &'static str,
    pub consent_required: &'static str,
    pub consent_button: &'static str,
    pub consented: &'static str,
    /// Given on (dd/mm/yyyy hh:mm), to this version.
    pub consented_on: fn(&str, i32) -> String,
    /// Filing is refused until the current notice is agreed to.
    pub consent_before_filing: &'static str,
    /// The box on the filing and registration pages.
    pub short_notice: &'static str,
    pub read_notice: &'static str,
}

pub const VI: PrivacyTexts = PrivacyTexts {
    nav: "Thông báo xử lý dữ liệu cá nhân",
    version: |version, date| format!("Phiên bản {version}, công bố ngày {date}."),
    purposes_heading: "Mục đích và căn cứ xử lý",
    purpose: "Mục đích",
    basis: "Căn cứ",
    basis_consent: "Sự đồng ý của bạn",
    basis_law: "Quy định của pháp luật (không cần đồng ý)",
    consent_label: |version| format!("Tôi đã đọc Thông báo xử lý dữ liệu cá nhân (phiên bản {version}) và đồng ý với các mục đích dựa trên sự đồng ý"),
    consent_hint: "Dữ liệu trong hồ sơ thủ tục được xử lý theo quy định của pháp luật, không cần sự đồng ý này.",
    consent_required: "Hãy đánh dấu ô đồng ý với Thông báo xử lý dữ liệu cá nhân để tiếp tục.",
    consent_button: "Đồng ý",
    consented: "Đã ghi nhận sự đồng ý của bạn.",
    consented_on: |when, version| format!("Bạn đã đồng ý với phiên bản {version} lúc {when}."),
    consent_before_filing: "Trước khi nộp hồ sơ trực tuyến, hãy đọc và đồng ý với Thông báo xử lý dữ liệu cá nhân.",
    short_notice: "Cổng xử lý họ tên, số định danh, ngày sinh, liên hệ và nội dung hồ sơ của bạn để quản lý tài khoản và giải quyết thủ tục. Dữ liệu hồ sơ được xử lý theo quy định của pháp luật về thủ tục; tài khoản, trợ lý hỏi đáp và phản ánh dựa trên sự đồng ý của bạn.",
    read_notice: "Đọc Thông báo xử lý dữ liệu cá nhân",
};

pub const EN: PrivacyTexts = PrivacyTexts {
    nav: "Privacy notice",
    version: |version, date| format!("Version {version}, published {date}."),
    purposes_heading: "Purposes and legal basis",
    purpose: "Purpose",
    basis: "Basis",
    basis_consent: "Your consent",
    basis_law: "The law (no consent needed)",
    consent_label: |version| format!("I have read the privacy notice (version {version}) and agree to the purposes that rest on consent"),
    consent_hint: "The data of an administrative application is processed as the law requires, without this consent.",
    consent_required: "Tick the box agreeing to the privacy notice to go on.",
    consent_button: "I agree",
    consented: "Your consent is recorded.",
    consented_on: |when, version| format!("You agreed to version {version} on {when}."),
    consent_before_filing: "Before applying online, please read and agree to the privacy notice.",
    short_notice: "The portal processes your name, personal ID number, date of birth, contact details and the content of your applications to run your account and handle procedures. Application data is processed as the law on each procedure requires; your account, the assistant and field reports rest on your consent.",
    read_notice: "Read the privacy notice",
};
