//! Words of the footer and the pages it links to: help and the
//! accessibility statement.

pub struct AboutTexts {
    pub footer_label: &'static str,
    pub hotline: &'static str,
    /// The number as dialled, for the `tel:` link.
    pub help: &'static str,
    pub feedback: &'static str,
    pub accessibility: &'static str,

    pub help_title: &'static str,
    pub help_lead: &'static str,
    /// Heading and paragraph, in order.
    pub help_sections: &'static [(&'static str, &'static str)],

    pub accessibility_title: &'static str,
    pub accessibility_lead: &'static str,
    pub accessibility_sections: &'static [(&'static str, &'static str)],
}

pub const VI: AboutTexts = AboutTexts {
    footer_label: "Hỗ trợ và thông tin",
    hotline: "Tổng đài hỗ trợ",
    help: "Hướng dẫn sử dụng",
    feedback: "Góp ý, phản ánh",
    accessibility: "Tuyên bố về khả năng tiếp cận",

    help_title: "Hướng dẫn sử dụng",
    help_lead: "Các bước để tìm thủ tục, nộp hồ sơ trực tuyến và theo dõi kết quả.",
    help_sections: &[
        ("Tìm thủ tục", "Gõ tên thủ tục vào ô tìm kiếm ở trang chủ, có dấu hay không dấu đều được, hoặc chọn lĩnh vực. Trang thủ tục cho biết giấy tờ cần có, phí, lệ phí và thời hạn giải quyết."),
        ("Nộp hồ sơ trực tuyến", "Đăng nhập, bấm “Nộp hồ sơ trực tuyến”, chọn nơi nộp, điền tờ khai và tải lên giấy tờ. Bạn có thể lưu nháp và quay lại sau. Khi nộp xong, bạn nhận được mã hồ sơ và mã tra cứu (PIN)."),
        ("Theo dõi hồ sơ", "Mục “Hồ sơ của tôi” liệt kê mọi hồ sơ và việc bạn cần làm. Không đăng nhập, bạn vẫn tra cứu được bằng mã hồ sơ và mã PIN ở trang “Tra cứu hồ sơ”."),
        ("Thanh toán", "Phí, lệ phí được thanh toán trực tuyến hoặc tại bộ phận một cửa. Biên lai của mọi khoản đã nộp có trong mục “Thanh toán” của tài khoản."),
    ],

    accessibility_title: "Tuyên bố về khả năng tiếp cận",
    accessibility_lead: "Cổng dịch vụ công Một Cửa hướng tới mọi người dân sử dụng được, kể cả người khuyết tật, theo tiêu chuẩn WCAG 2.1 mức AA.",
    accessibility_sections: &[
        ("Những gì cổng đáp ứng", "Dùng được hoàn toàn bằng bàn phím; đọc được bằng trình đọc màn hình; độ tương phản màu đạt mức AA; phóng to chữ đến 200% không mất nội dung; dùng được trên điện thoại; mọi biểu mẫu hoạt động cả khi trình duyệt tắt JavaScript."),
        ("Cách chúng tôi kiểm tra", "Mỗi lần thay đổi, các trang được kiểm tra tự động bằng axe-core theo các tiêu chí WCAG 2.1 A và AA, với JavaScript bật và tắt, trên màn hình máy tính và điện thoại."),
        ("Hạn chế đã biết", "Một số tệp PDF cũ do cơ quan tải lên có thể chưa đọc được bằng trình đọc màn hình. Hãy liên hệ để nhận bản dễ tiếp cận."),
        ("Liên hệ", "Nếu gặp khó khăn khi sử dụng, hãy gọi tổng đài 1800 1096 (miễn phí) hoặc gửi thư tới gopy@motcua.example. Chúng tôi trả lời trong 5 ngày làm việc."),
    ],
};

pub const EN: AboutTexts = AboutTexts {
    footer_label: "Help and information",
    hotline: "Help line",
    help: "How to use the portal",
    feedback: "Feedback",
    accessibility: "Accessibility statement",

    help_title: "How to use the portal",
    help_lead: "How to find a procedure, file a dossier online and follow it to its result.",
    help_sections: &[
        ("Find a procedure", "Type the procedure's name in the search box on the home page, with or without accents, or choose a sector. The procedure's page lists the documents needed, the fees and the processing time."),
        ("File online", "Sign in, press “File online”, choose where to file, fill in the form and upload the documents. You can save a draft and come back later. Once filed, you get a dossier code and a lookup PIN."),
        ("Follow your dossier", "“My dossiers” lists every dossier and what you need to do. Without signing in, you can look a dossier up with its code and PIN on the “Track a dossier” page."),
        ("Payments", "Fees are paid online or at the one-stop shop. The receipt of every payment is in the “Payments” section of your account."),
    ],

    accessibility_title: "Accessibility statement",
    accessibility_lead: "The Một Cửa public service portal aims to be usable by everyone, including people with disabilities, to the WCAG 2.1 AA standard.",
    accessibility_sections: &[
        ("What the portal does", "It can be used with the keyboard alone and with a screen reader; colour contrast meets level AA; text can be enlarged to 200% without loss; it works on a phone; every form works with JavaScript turned off."),
        ("How we check", "On every change, the pages are checked automatically with axe-core against the WCAG 2.1 A and AA criteria, with JavaScript on and off, on a desktop screen and a phone."),
        ("Known limitations", "Some older PDF files uploaded by agencies may not be readable by screen readers. Contact us for an accessible copy."),
        ("Contact", "If something is hard to use, call 1800 1096 (free) or write to gopy@motcua.example. We answer within 5 working days."),
    ],
};
