//! Words of the satisfaction rating.

pub struct RatingTexts {
    pub heading: &'static str,
    pub hint: &'static str,
    pub comment_label: &'static str,
    pub send: &'static str,
    pub rated_on: fn(&str) -> String,
    pub choose: fn(&str) -> String,
    pub thanks: &'static str,
    pub already_rated: &'static str,
    pub not_yet: &'static str,
    pub office_heading: &'static str,
}

pub const VI: RatingTexts = RatingTexts {
    heading: "Đánh giá mức độ hài lòng",
    hint: "Ý kiến của bạn giúp cơ quan phục vụ tốt hơn. Mỗi hồ sơ được đánh giá một lần.",
    comment_label: "Góp ý thêm (không bắt buộc)",
    send: "Gửi đánh giá",
    rated_on: |on| format!("Bạn đã đánh giá hồ sơ này ngày {on}. Cảm ơn bạn."),
    choose: |question| format!("Chọn một mức cho “{question}”."),
    thanks: "Cảm ơn bạn đã đánh giá.",
    already_rated: "Hồ sơ này đã được đánh giá.",
    not_yet: "Chỉ đánh giá được sau khi đã trả kết quả.",
    office_heading: "Đánh giá của người nộp",
};

pub const EN: RatingTexts = RatingTexts {
    heading: "Rate the service",
    hint: "Your opinion helps the agency serve better. Each dossier can be rated once.",
    comment_label: "Anything else (optional)",
    send: "Send the rating",
    rated_on: |on| format!("You rated this dossier on {on}. Thank you."),
    choose: |question| format!("Choose a level for “{question}”."),
    thanks: "Thank you for your rating.",
    already_rated: "This dossier has been rated already.",
    not_yet: "A dossier can be rated once its result is returned.",
    office_heading: "The applicant's rating",
};
