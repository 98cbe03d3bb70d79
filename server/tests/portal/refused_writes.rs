//! Writing to someone else's dossier — rating, withdrawing, paying,
//! completing it, drafting its result, commenting on it, settling its
//! payment — changes nothing, answers as if it did not exist, and is
//! written to the audit log.

use crate::support;

use support::back_office::*;
use support::payments::{file_business, notify, paid_at_bank, sandbox_signature};
use support::uploads::{birth_document, upload_to, PDF};
use support::{spawn_app, TestApp};

const MISSING: &str = "000.01.40.H34-261204-9999";

/// The `access_refused` entries of one user: (route, object, status).
async fn refusals_of(app: &TestApp, email: &str) -> Vec<(String, String, i64)> {
    sqlx::query_as(
        "SELECT detail->>'route', detail->>'object', (detail->>'status')::bigint
         FROM audit_log WHERE action = 'access_refused'
           AND user_id = (SELECT id FROM users WHERE email = $1)
         ORDER BY id",
    )
    .bind(email)
    .fetch_all(&app.pool)
    .await
    .unwrap()
}

async fn count(app: &TestApp, sql: &str, code: &str) -> i64 {
    sqlx::query_scalar(sql)
        .bind(code)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_citizen_cannot_rate_or_withdraw_anothers_dossier() {
    let app = spawn_app().await;
    let rated = returned(&app).await;
    let open = filed(&app).await;
    let stranger = app.another_citizen().await;
    let mut other = signed_in(&app, stranger).await;

    let rate = format!("/ho-so/{rated}/danh-gia");
    let fields = [
        ("overall", "5"),
        ("timeliness", "5"),
        ("attitude", "5"),
        ("guidance", "5"),
    ];
    let refused = other.post(&rate, &fields).await;
    let missing = other
        .post(&format!("/ho-so/{MISSING}/danh-gia"), &fields)
        .await;
    assert_eq!(refused.status, 404);
    assert_eq!(refused.text(), missing.text(), "like a missing dossier");
    let ratings = "SELECT count(*) FROM dossier_ratings r JOIN dossiers d ON d.id = r.dossier_id
                   WHERE d.code = $1";
    assert_eq!(count(&app, ratings, &rated).await, 0);

    let withdraw = format!("/ho-so/{open}/rut");
    let refused = other.post(&withdraw, &[]).await;
    assert_eq!(refused.location(), format!("/ho-so/{open}"));
    assert_eq!(status_and_version(&app, &open).await.0, "submitted");

    assert_eq!(
        refusals_of(&app, stranger).await,
        vec![
            (rate, format!("dossier {rated}"), 404),
            (withdraw, format!("dossier {open}, action withdraw"), 303),
        ],
        "the missing dossier is not audited"
    );
}

#[tokio::test]
async fn a_citizen_cannot_pay_for_or_complete_anothers_dossier() {
    let app = spawn_app().await;
    let mut owner = signed_in(&app, CITIZEN).await;
    let business = file_business(&mut owner).await;
    let asked = filed(&app).await;
    let mut reception = signed_in(&app, RECEPTION).await;
    let note = [("note", "Bổ sung văn bản ủy quyền.")];
    act(&app, &mut reception, &asked, "request_supplement", &note).await;
    let stranger = app.another_citizen().await;
    let mut other = signed_in(&app, stranger).await;

    let pay = format!("/ho-so/{business}/thanh-toan");
    let refused = other.post(&pay, &[]).await;
    let missing = other
        .post(&format!("/ho-so/{MISSING}/thanh-toan"), &[])
        .await;
    assert_eq!(refused.location(), missing.location(), "like a missing one");
    let payments = "SELECT count(*) FROM payments p JOIN dossiers d ON d.id = p.dossier_id
                    WHERE d.code = $1";
    assert_eq!(count(&app, payments, &business).await, 0);

    let document = birth_document(&app, "Văn bản ủy quyền").await;
    let complete = format!("/ho-so/{asked}/bo-sung/giay-to");
    let refused = upload_to(&app, &other, &complete, document, "x.pdf", PDF).await;
    assert_eq!(refused.status, 404);
    let attached =
        "SELECT count(*) FROM dossier_attachments a JOIN dossiers d ON d.id = a.dossier_id
                    JOIN stored_files f ON f.id = a.file_id
                    WHERE d.code = $1 AND f.owner_id <> d.applicant_id";
    assert_eq!(count(&app, attached, &asked).await, 0);

    assert_eq!(
        refusals_of(&app, stranger).await,
        vec![
            (pay, format!("dossier {business}"), 303),
            (complete, format!("dossier {asked}"), 404),
        ]
    );
}

#[tokio::test]
async fn an_official_of_another_agency_cannot_comment_or_draft_the_result() {
    let app = spawn_app().await;
    let code = filed(&app).await;
    let mut reception = signed_in(&app, RECEPTION).await;
    let assignee = specialist_id(&app).await;
    act(&app, &mut reception, &code, "accept", &[]).await;
    act(
        &app,
        &mut reception,
        &code,
        "assign",
        &[("assignee", &assignee)],
    )
    .await;
    let elsewhere = official_elsewhere(&app).await;
    let mut official = signed_in(&app, elsewhere).await;

    let comment = format!("/can-bo/ho-so/{code}/y-kien");
    let refused = official.post(&comment, &[("body", "Xem giúp.")]).await;
    assert_eq!(refused.location(), format!("/can-bo/ho-so/{code}"));
    let comments = "SELECT count(*) FROM dossier_comments c JOIN dossiers d ON d.id = c.dossier_id
                    WHERE d.code = $1";
    assert_eq!(count(&app, comments, &code).await, 0);

    let result = format!("/can-bo/ho-so/{code}/ket-qua");
    let refused = upload_to(&app, &official, &result, 0, "ket-qua.pdf", PDF).await;
    assert_eq!(refused.status, 404);
    let results = "SELECT count(*) FROM dossiers WHERE code = $1 AND result_file_id IS NOT NULL";
    assert_eq!(count(&app, results, &code).await, 0);

    assert_eq!(
        refusals_of(&app, elsewhere).await,
        vec![
            (comment, format!("dossier {code}"), 303),
            (result, format!("dossier {code}"), 404),
        ]
    );
}

#[tokio::test]
async fn a_manager_of_another_agency_cannot_settle_a_flagged_payment() {
    let app = spawn_app().await;
    let (reference, body) = paid_at_bank(&app).await;
    let cheaper = body.replace("100000", "1000");
    notify(&app, &cheaper, &sandbox_signature(&cheaper)).await;
    let flag: i64 = sqlx::query_scalar("SELECT id FROM payment_flags")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let elsewhere = manager_elsewhere(&app).await;
    let mut manager = signed_in(&app, elsewhere).await;
    let route = format!("/can-bo/doi-soat/{flag}");
    let refused = manager.post(&route, &[("note", "Bỏ qua.")]).await;
    assert_eq!(refused.location(), "/can-bo/doi-soat");
    let unresolved = "SELECT count(*) FROM payment_flags f JOIN payments p ON p.id = f.payment_id
                      WHERE p.reference = $1 AND f.resolved_at IS NULL";
    assert_eq!(count(&app, unresolved, &reference).await, 1);
    assert_eq!(
        refusals_of(&app, elsewhere).await,
        vec![(route, format!("payment flag {flag}"), 303)]
    );
}
