//! The e-form's richer fields through real posts without JavaScript: an
//! address chosen province first, then commune, and repeatable groups whose
//! "Thêm" and "Xóa" buttons keep every answer typed.

use crate::support;

use support::browser::Browser;
use support::spawn_app;

const CITIZEN: &str = "congdan@motcua.example";
const PASSWORD: &str = "Demo@12345";
const BIRTH: &str = "/nop-ho-so/1.001193";
/// Cấp Phiếu lý lịch tư pháp: asks for every place of residence since 14.
const CRIMINAL_RECORD: &str = "/nop-ho-so/3.000333";

#[tokio::test]
async fn communes_follow_the_chosen_province_and_must_belong_to_it() {
    let app = spawn_app().await;
    let mut browser = Browser::new(&app);
    browser.sign_in(CITIZEN, PASSWORD).await;
    let page = browser.get(BIRTH).await;
    assert!(page.body.contains(">Tỉnh Quảng Ninh</option>"));
    assert!(
        !page.body.contains(">Phường Hồng Gai</option>"),
        "no province chosen yet, so no communes"
    );

    // Without JavaScript: choose the province, ask for its communes.
    let response = browser
        .post(
            BIRTH,
            &[
                ("applicant_address.province", "22"),
                ("applicant_address.street", "Số 5, phố Lê Thánh Tông"),
                ("action", "communes:applicant_address"),
            ],
        )
        .await;
    assert_eq!(
        response.location(),
        format!("{BIRTH}#filing-applicant-address")
    );
    let page = browser.get(BIRTH).await;
    assert!(
        page.body.contains(">Phường Hồng Gai</option>"),
        "Quảng Ninh's communes"
    );
    assert!(
        !page.body.contains(">Phường Ba Đình</option>"),
        "not Hà Nội's"
    );
    assert!(
        page.body.contains("value=\"Số 5, phố Lê Thánh Tông\""),
        "the street is kept"
    );

    // A commune of another province (Phường Ba Đình, Hà Nội) is refused.
    let response = browser
        .post(
            BIRTH,
            &[
                ("applicant_address.province", "22"),
                ("applicant_address.commune", "00004"),
                ("applicant_address.street", "Số 5, phố Lê Thánh Tông"),
                ("action", "submit"),
            ],
        )
        .await;
    assert_eq!(response.location(), BIRTH);
    let text = browser.get(BIRTH).await.text();
    assert!(
        text.contains("Xã/phường đã chọn không thuộc Tỉnh Quảng Ninh. Chọn lại xã/phường."),
        "{text}"
    );
}

#[tokio::test]
async fn group_items_are_added_and_removed_without_losing_answers() {
    let app = spawn_app().await;
    let mut browser = Browser::new(&app);
    browser.sign_in(CITIZEN, PASSWORD).await;
    let page = browser.get(CRIMINAL_RECORD).await.text();
    assert!(
        page.contains("Nơi cư trú 1") && !page.contains("Nơi cư trú 2"),
        "{page}"
    );

    let response = browser
        .post(
            CRIMINAL_RECORD,
            &[
                ("residence_history.items", "1"),
                ("residence_history.0.from", "03/2010"),
                ("residence_history.0.occupation", "Học sinh"),
                ("action", "add:residence_history"),
            ],
        )
        .await;
    assert_eq!(
        response.location(),
        format!("{CRIMINAL_RECORD}#filing-residence-history-1"),
        "back at the new item"
    );
    let page = browser.get(CRIMINAL_RECORD).await;
    assert!(page.text().contains("Nơi cư trú 2"));
    assert!(
        page.body.contains("value=\"03/2010\""),
        "the first item is kept"
    );
    assert!(page.body.contains("Xóa nơi cư trú 2"));

    // A wrong month/year in item 2 is named with its item.
    let response = browser
        .post(
            CRIMINAL_RECORD,
            &[
                ("residence_history.items", "2"),
                ("residence_history.0.from", "03/2010"),
                ("residence_history.1.from", "2015"),
                ("residence_history.1.occupation", "Kỹ sư"),
                ("action", "submit"),
            ],
        )
        .await;
    assert_eq!(response.location(), CRIMINAL_RECORD);
    let page = browser.get(CRIMINAL_RECORD).await;
    let text = page.text();
    assert!(
        text.contains("Nơi cư trú 2: Từ tháng/năm chưa đúng dạng: tháng/năm, ví dụ 03/2010."),
        "{text}"
    );
    assert!(
        page.body
            .contains("href=\"#filing-residence-history-1-from\""),
        "the summary links to the field"
    );

    // Removing item 1 moves item 2 up with its answers.
    browser
        .post(
            CRIMINAL_RECORD,
            &[
                ("residence_history.items", "2"),
                ("residence_history.0.from", "03/2010"),
                ("residence_history.1.from", "08/2015"),
                ("residence_history.1.occupation", "Kỹ sư"),
                ("action", "remove:residence_history:0"),
            ],
        )
        .await;
    let page = browser.get(CRIMINAL_RECORD).await;
    assert!(!page.text().contains("Nơi cư trú 2"));
    assert!(page.body.contains("value=\"08/2015\"") && page.body.contains("value=\"Kỹ sư\""));
    assert!(!page.body.contains("value=\"03/2010\""));
}
