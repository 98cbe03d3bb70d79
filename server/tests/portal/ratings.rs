//! The applicant rates a returned dossier once; the back office reads it.

use crate::support;

use support::back_office::{filed, returned, signed_in, CITIZEN, RECEPTION};
use support::spawn_app;

#[tokio::test]
async fn a_returned_dossier_is_rated_once_by_its_applicant() {
    let app = spawn_app().await;
    let code = returned(&app).await;
    // The result mail leads straight to the rating.
    let mail: String = sqlx::query_scalar(
        "SELECT body_text FROM mail_outbox WHERE subject = 'Đã trả kết quả hồ sơ ' || $1",
    )
    .bind(&code)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert!(mail.contains(&format!("/ho-so/{code}#rating")), "{mail}");
    let rate = format!("/ho-so/{code}/danh-gia");
    let mut citizen = signed_in(&app, CITIZEN).await;
    let page = citizen.get(&format!("/ho-so/{code}")).await.text();
    assert!(
        page.contains("Đánh giá mức độ hài lòng") && page.contains("Rất hài lòng"),
        "{page}"
    );

    // A question left out is named, and what was chosen and written is kept.
    citizen
        .post(
            &rate,
            &[
                ("overall", "5"),
                ("timeliness", "4"),
                ("attitude", "5"),
                ("comment", "Cán bộ hướng dẫn tận tình."),
            ],
        )
        .await;
    let page = citizen.get(&format!("/ho-so/{code}")).await;
    assert!(
        page.text()
            .contains("Chọn một mức cho “Hướng dẫn có rõ ràng, dễ hiểu không”."),
        "{}",
        page.text()
    );
    assert!(
        page.body.contains("Cán bộ hướng dẫn tận tình."),
        "the comment is kept"
    );
    assert!(
        page.body.contains(r#"name="timeliness" value="4" checked"#),
        "the levels are kept"
    );

    citizen
        .post(
            &rate,
            &[
                ("overall", "5"),
                ("timeliness", "4"),
                ("attitude", "5"),
                ("guidance", "3"),
                ("comment", "Cán bộ hướng dẫn tận tình."),
            ],
        )
        .await;
    let page = citizen.get(&format!("/ho-so/{code}")).await.text();
    assert!(
        page.contains("Cảm ơn bạn đã đánh giá.") && page.contains("Bạn đã đánh giá hồ sơ này"),
        "{page}"
    );
    citizen
        .post(
            &rate,
            &[
                ("overall", "1"),
                ("timeliness", "1"),
                ("attitude", "1"),
                ("guidance", "1"),
            ],
        )
        .await;
    let overall: i16 = sqlx::query_scalar(
        "SELECT r.overall FROM dossier_ratings r JOIN dossiers d ON d.id = r.dossier_id WHERE d.code = $1",
    )
    .bind(&code)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(overall, 5, "rated once: the second rating changes nothing");

    let mut reception = signed_in(&app, RECEPTION).await;
    let office = reception.get(&format!("/can-bo/ho-so/{code}")).await.text();
    assert!(
        office.contains("Đánh giá của người nộp") && office.contains("Cán bộ hướng dẫn tận tình."),
        "{office}"
    );

    // Someone else's dossier cannot be rated, nor one not yet returned.
    let stranger = app.another_citizen().await;
    let mut stranger = signed_in(&app, stranger).await;
    let answer = stranger
        .post(
            &rate,
            &[
                ("overall", "1"),
                ("timeliness", "1"),
                ("attitude", "1"),
                ("guidance", "1"),
            ],
        )
        .await;
    assert_eq!(answer.status, 404);
    let pending = filed(&app).await;
    citizen
        .post(
            &format!("/ho-so/{pending}/danh-gia"),
            &[
                ("overall", "5"),
                ("timeliness", "5"),
                ("attitude", "5"),
                ("guidance", "5"),
            ],
        )
        .await;
    let ratings: i64 = sqlx::query_scalar("SELECT count(*) FROM dossier_ratings")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(ratings, 1);
}
