//! The person's own data (`/tai-khoan/du-lieu`).

pub struct PersonalDataTexts {
    pub title: &'static str,
    pub lead: &'static str,
    /// The link from the account page.
    pub nav: &'static str,
    pub download_heading: &'static str,
    pub download_lead: &'static str,
    pub download: &'static str,
    pub correct_heading: &'static str,
    pub correct_lead: &'static str,
}

pub const VI: PersonalDataTexts = PersonalDataTexts {
    title: "Dữ liệu cá nhân của bạn",
    lead: "Theo Luật Bảo vệ dữ liệu cá nhân (Luật số 91/2025/QH15), bạn có quyền biết cổng lưu giữ những dữ liệu nào về bạn và nhận bản sao của chúng.",
    nav: "Dữ liệu cá nhân của bạn",
    download_heading: "Tải về toàn bộ dữ liệu",
    download_lead: "Một tệp JSON gồm: tài khoản, hồ sơ và quá trình xử lý, giấy tờ đã tải lên (tên, loại, dung lượng), thanh toán, đánh giá, câu hỏi, phản ánh, thông báo, phiên đăng nhập, nhật ký thao tác của bạn và những lần cán bộ mở hồ sơ của bạn. Mật khẩu không bao giờ có trong tệp.",
    download: "Tải về dữ liệu (JSON)",
    correct_heading: "Sửa thông tin",
    correct_lead: "Thư điện tử và số điện thoại sửa được tại trang tài khoản; họ tên, số định danh và ngày sinh sửa tại bộ phận một cửa, có giấy tờ chứng minh.",
};

pub const EN: PersonalDataTexts = PersonalDataTexts {
    title: "Your personal data",
    lead: "Under the Personal Data Protection Law (Law 91/2025/QH15) you may know which data the portal keeps about you and receive a copy of it.",
    nav: "Your personal data",
    download_heading: "Download all your data",
    download_lead: "One JSON file with your account, dossiers and their processing, uploaded documents (name, type, size), payments, ratings, questions, field reports, notifications, sessions, the log of what you did and every time an official opened your dossiers. Your password is never in it.",
    download: "Download your data (JSON)",
    correct_heading: "Correcting your details",
    correct_lead: "Email and phone are changed on the account page; name, identity number and date of birth at the one-stop desk, with a document proving them.",
};
