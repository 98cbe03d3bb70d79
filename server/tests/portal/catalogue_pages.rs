//! The server-rendered catalogue pages, as a browser without JavaScript gets them.

use crate::support;

use support::spawn_app;

#[tokio::test]
async fn the_home_page_offers_search_and_popular_procedures() {
    let app = spawn_app().await;
    let page = app.get("/").await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains(r#"<html lang="vi""#));
    assert!(page
        .body
        .contains("<title>Cổng dịch vụ công Một Cửa</title>"));
    assert!(page.body.contains(r#"name="q""#));
    let text = page.text();
    assert!(text.contains("Thủ tục được quan tâm"), "{text}");
    assert!(text.contains("Đăng ký khai sinh"));
    assert!(text.contains("Hộ tịch"), "sectors are listed");
}

#[tokio::test]
async fn searching_without_accents_lists_birth_registration_first() {
    let app = spawn_app().await;
    let page = app.get("/thu-tuc?q=dang+ky+khai+sinh").await;
    assert_eq!(page.status, 200);
    let first_link = page
        .body
        .find(r#"href="/thu-tuc/"#)
        .map(|at| &page.body[at..at + 40]);
    assert_eq!(
        first_link.map(|link| &link[6..23]),
        Some("/thu-tuc/1.001193"),
        "{first_link:?}"
    );
    assert!(
        page.body.contains(r#"value="dang ky khai sinh""#),
        "the search box keeps the query"
    );
    assert!(page
        .text()
        .contains("Kết quả tìm kiếm cho “dang ky khai sinh”"));
}

#[tokio::test]
async fn the_catalogue_paginates_and_keeps_filters_in_links() {
    let app = spawn_app().await;
    let page = app.get("/thu-tuc?sector=HO_TICH").await;
    let text = page.text();
    assert!(text.contains("Trang 1 /"), "{text}");
    assert!(page
        .body
        .contains(r#"href="/thu-tuc?sector=HO_TICH&amp;page=2""#));
    let second = app.get("/thu-tuc?sector=HO_TICH&page=2").await;
    assert!(second.text().contains("Trang 2 /"));
    assert!(second.body.contains(r#"<option value="HO_TICH" selected"#));
}

#[tokio::test]
async fn a_search_with_no_match_says_so_and_suggests_what_to_do() {
    let app = spawn_app().await;
    let text = app.get("/thu-tuc?q=zzzzqqqq").await.text();
    assert!(text.contains("Không tìm thấy thủ tục phù hợp."));
    assert!(text.contains("Hãy thử từ khóa ngắn hơn"));
}

#[tokio::test]
async fn the_procedure_page_shows_documents_fees_time_and_the_call_to_action() {
    let app = spawn_app().await;
    let page = app.get("/thu-tuc/1.001193").await;
    assert_eq!(page.status, 200);
    assert!(page
        .body
        .contains("<title>Đăng ký khai sinh (1.001193) | Cổng dịch vụ công Một Cửa</title>"));
    assert!(page.body.contains(r#"<meta name="description""#));
    let text = page.text();
    for expected in [
        "Thành phần hồ sơ",
        "Tờ khai đăng ký khai sinh theo mẫu",
        "Phí, lệ phí",
        "Miễn phí",
        "8.000 đ",
        "Trong ngày làm việc",
        "Hồ sơ nhận sau 15:00 được tính từ ngày làm việc tiếp theo.",
        "Toàn trình",
        "Căn cứ pháp lý",
        "Nộp hồ sơ trực tuyến",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in {text}");
    }
}

#[tokio::test]
async fn an_unknown_procedure_is_a_404_page() {
    let app = spawn_app().await;
    let page = app.get("/thu-tuc/9.999999").await;
    assert_eq!(page.status, 404);
    assert!(page.text().contains("Không tìm thấy trang"));
    assert_eq!(app.get("/khong-co-trang-nay").await.status, 404);
}

#[tokio::test]
async fn english_is_chosen_with_lang_and_remembered_by_cookie() {
    let app = spawn_app().await;
    let page = app.get("/thu-tuc/1.001193?lang=en").await;
    assert!(page.body.contains(r#"<html lang="en""#));
    assert!(page.text().contains("Required documents"));
    let cookie = page.headers["set-cookie"].to_str().unwrap();
    assert!(
        cookie.starts_with("lang=en;") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );

    let next = app.get_with_cookie("/", "lang=en").await;
    assert!(next
        .text()
        .contains("Find and file administrative procedures"));
    let back = app.get_with_cookie("/?lang=vi", "lang=en").await;
    assert!(back
        .text()
        .contains("Tra cứu và nộp hồ sơ thủ tục hành chính"));
}

#[tokio::test]
async fn pages_carry_protective_headers() {
    let app = spawn_app().await;
    let page = app.get("/").await;
    assert_eq!(page.headers["x-content-type-options"], "nosniff");
    assert_eq!(page.headers["x-frame-options"], "DENY");
}
