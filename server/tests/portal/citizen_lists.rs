//! The citizen's lists — "Hồ sơ của tôi" by state and page, the wallet,
//! the payments — and the catalogue as English readers and Vietnamese
//! alphabetical order want it.

use crate::support;

use support::browser::Browser;
use support::dossiers::submit_birth;
use support::payments::{
    choose_at_bank, file_business, notify, queued_notification, sandbox_signature, start_payment,
};
use support::{spawn_app, TestApp};

const CITIZEN: &str = "congdan@motcua.example";

async fn signed_in<'a>(app: &'a TestApp) -> Browser<'a> {
    let mut browser = Browser::new(app);
    browser.sign_in(CITIZEN, "Demo@12345").await;
    browser
}

/// Where each of `names` first appears in `text`, in the given order.
fn in_order(text: &str, names: &[&str]) {
    let positions: Vec<usize> = names
        .iter()
        .map(|name| {
            text.find(name)
                .unwrap_or_else(|| panic!("{name:?} not in {text}"))
        })
        .collect();
    assert!(
        positions.windows(2).all(|pair| pair[0] < pair[1]),
        "expected the order {names:?}, found positions {positions:?}"
    );
}

#[tokio::test]
async fn my_dossiers_filter_by_state_and_come_twenty_to_a_page() {
    let app = spawn_app().await;
    let mut browser = signed_in(&app).await;
    let withdrawn = submit_birth(&app, &mut browser).await;
    browser.post(&format!("/ho-so/{withdrawn}/rut"), &[]).await;
    let mut codes = Vec::new();
    for _ in 0..20 {
        codes.push(submit_birth(&app, &mut browser).await);
    }

    let only_withdrawn = browser.get("/ho-so?trang-thai=withdrawn").await.text();
    assert!(only_withdrawn.contains("1 hồ sơ"), "{only_withdrawn}");
    assert!(only_withdrawn.contains(&withdrawn));
    assert!(!only_withdrawn.contains(&codes[0]));

    let first = browser.get("/ho-so?trang-thai=submitted").await.text();
    assert!(first.contains("20 hồ sơ"), "{first}");
    assert!(!first.contains(&withdrawn));

    let all = browser.get("/ho-so").await;
    assert!(all.text().contains("21 hồ sơ"));
    assert!(
        all.text().contains("Trang 1 / 2") || all.text().contains("Trang 1/2"),
        "{}",
        all.text()
    );
    assert!(
        all.body.contains("href=\"/ho-so?trang=2\""),
        "a link to page 2"
    );
    // Every dossier is on exactly one of the two pages.
    let second = browser.get("/ho-so?trang=2").await.text();
    let first = all.text();
    for code in codes.iter().chain(std::iter::once(&withdrawn)) {
        assert!(
            first.contains(code.as_str()) != second.contains(code.as_str()),
            "{code} on exactly one page"
        );
    }
    // A dossier code is a link that never breaks mid-token.
    assert!(all.body.contains("class=\"dossier-code\""));
}

#[tokio::test]
async fn the_wallet_says_what_each_file_is_and_payments_list_their_receipts() {
    let app = spawn_app().await;
    let mut browser = signed_in(&app).await;
    submit_birth(&app, &mut browser).await;
    let wallet = browser.get("/tai-khoan/giay-to").await.text();
    let today: String = sqlx::query_scalar(
        "SELECT to_char(created_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'DD/MM/YYYY') FROM stored_files
         WHERE original_name = 'giay-chung-sinh.pdf'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert!(
        wallet.contains(&format!("giay-chung-sinh.pdf Giấy chứng sinh do cơ sở khám bệnh, chữa bệnh cấp PDF 1 KB {today}")),
        "{wallet}"
    );

    let code = file_business(&mut browser).await;
    let (reference, bank) = start_payment(&mut browser, &code).await;
    choose_at_bank(&mut browser, &bank, &reference, "success").await;
    let body = queued_notification(&app, &reference).await;
    notify(&app, &body, &sandbox_signature(&body)).await;

    let payments = browser.get("/tai-khoan/thanh-toan").await;
    let text = payments.text();
    assert!(text.contains(&code), "{text}");
    assert!(
        text.contains("100.000 đ") && text.contains("Đã thanh toán"),
        "{text}"
    );
    assert!(text.contains("Biên lai số"), "{text}");
    assert!(payments
        .body
        .contains(&format!("/ho-so/{code}/bien-lai/{reference}")));
    // Nobody else's payments.
    app.another_citizen().await;
    let mut other = Browser::new(&app);
    other.sign_in("khac@example.vn", "Demo@12345").await;
    assert!(!other
        .get("/tai-khoan/thanh-toan")
        .await
        .text()
        .contains(&code));
}

#[tokio::test]
async fn home_page_sectors_follow_the_vietnamese_alphabet() {
    let app = spawn_app().await;
    let home = app.get("/").await.body;
    let sectors = &home[home.find("sectors-heading").expect("the sectors section")..];
    in_order(
        sectors,
        &[
            "An toàn thực phẩm",
            "Bảo trợ xã hội",
            "Chứng thực",
            "Đăng ký, quản lý cư trú",
            "Đất đai",
            "Hoạt động xây dựng",
            "Hộ tịch",
            "Lý lịch tư pháp",
            "Văn hóa",
            "Việc làm, lao động nước ngoài",
        ],
    );
    let english = app.get_with_cookie("/", "lang=en").await.body;
    in_order(
        &english[english
            .find("sectors-heading")
            .expect("the sectors section")..],
        &[
            "Certification",
            "Civil status",
            "Construction",
            "Culture",
            "Land",
            "Residence registration",
        ],
    );
}

#[tokio::test]
async fn english_pages_lead_with_the_english_names_of_procedures_and_sectors() {
    let app = spawn_app().await;
    let page = app.get_with_cookie("/thu-tuc/1.001193", "lang=en").await;
    assert!(
        page.body.contains("<h1>Birth registration</h1>"),
        "{}",
        page.text()
    );
    assert!(
        page.body.contains("lang=\"vi\""),
        "the official name, marked Vietnamese"
    );
    assert!(
        page.text().contains("Birth registration Đăng ký khai sinh"),
        "{}",
        page.text()
    );
    assert!(
        page.text().contains("Civil status"),
        "the sector in English"
    );

    let results = app.get_with_cookie("/thu-tuc?q=khai+sinh", "lang=en").await;
    assert!(results.text().contains("Birth registration"));
    assert!(results.text().contains("Civil status"));
    // Vietnamese pages stay Vietnamese.
    let vietnamese = app.get("/thu-tuc/1.001193").await;
    assert!(vietnamese.body.contains("<h1>Đăng ký khai sinh</h1>"));
}

#[tokio::test]
async fn the_footer_offers_the_help_line_help_feedback_and_the_accessibility_statement() {
    let app = spawn_app().await;
    let home = app.get("/").await;
    assert!(home.body.contains("href=\"tel:18001096\""));
    assert!(home.body.contains("href=\"/huong-dan\""));
    assert!(home.body.contains("href=\"mailto:gopy@motcua.example\""));
    assert!(home.body.contains("href=\"/kha-nang-tiep-can\""));
    let statement = app.get("/kha-nang-tiep-can").await;
    assert_eq!(statement.status, 200);
    assert!(statement.text().contains("WCAG 2.1"));
    let help = app.get_with_cookie("/huong-dan", "lang=en").await;
    assert_eq!(help.status, 200);
    assert!(help.text().contains("How to use the portal"));
}
