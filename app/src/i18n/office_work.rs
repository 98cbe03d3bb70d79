//! Words of the back office's daily work: finding a dossier across queues,
//! who holds it, assigning it, and the separate action groups of its page.

pub struct OfficeWorkTexts {
    /// The column naming the queue a dossier waits in.
    pub column_queue: &'static str,
    /// The column naming the specialist a dossier is assigned to.
    pub column_assignee: &'static str,
    /// Heading over a search's results (the search).
    pub search_results: fn(&str) -> String,
    /// A search that found nothing (the search).
    pub search_none: fn(&str) -> String,
    pub clear_search: &'static str,
    /// The first, empty choice of the specialist list.
    pub choose_specialist_placeholder: &'static str,
    pub choose_specialist_hint: &'static str,
    /// To a specialist opening a colleague's dossier (the colleague).
    pub assigned_to_colleague: fn(&str) -> String,
    /// The hint over the actions: each is its own group.
    pub actions_hint: &'static str,
}

pub const VI: OfficeWorkTexts = OfficeWorkTexts {
    column_queue: "Hàng đợi",
    column_assignee: "Chuyên viên được giao",
    search_results: |search| format!("Kết quả tìm “{search}” trong mọi hàng đợi"),
    search_none: |search| {
        format!("Không có hồ sơ nào khớp “{search}” trong các hàng đợi bạn được xem.")
    },
    clear_search: "Xoá tìm kiếm",
    choose_specialist_placeholder: "— Chọn chuyên viên —",
    choose_specialist_hint: "Người sẽ xem xét, xử lý hồ sơ. Bắt buộc chọn.",
    assigned_to_colleague: |name| {
        format!("Hồ sơ này đang được giao cho {name}. Chỉ chuyên viên được giao mới xử lý được; nếu cần đổi người, hãy trao đổi với bộ phận phân công.")
    },
    actions_hint: "Mỗi thao tác có ô nhập và nút riêng của mình.",
};

pub const EN: OfficeWorkTexts = OfficeWorkTexts {
    column_queue: "Queue",
    column_assignee: "Assigned specialist",
    search_results: |search| format!("Results for “{search}” in every queue"),
    search_none: |search| format!("No dossier matches “{search}” in the queues you can see."),
    clear_search: "Clear the search",
    choose_specialist_placeholder: "— Choose a specialist —",
    choose_specialist_hint: "Who will examine and process the dossier. Required.",
    assigned_to_colleague: |name| {
        format!("This dossier is assigned to {name}. Only the assigned specialist can work on it; to change who does, ask whoever assigns dossiers.")
    },
    actions_hint: "Each action has its own fields and button.",
};
