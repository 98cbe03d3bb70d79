//! Every back-office action × every kind of user × own or other agency:
//! exactly the roles the workflow names, at the dossier's own agency (and,
//! for a specialist, only on a dossier assigned to them), change the
//! dossier; everyone else changes nothing.

use crate::support;

use app::access::Role;
use app::dossiers::{Action, Actor};
use support::back_office::*;
use support::browser::Browser;
use support::{spawn_app, TestApp};

/// Who tries, and which roles they hold at the dossier's agency.
struct Tryer {
    email: &'static str,
    roles_here: &'static [Role],
}

/// The state an action starts from, with the demo specialist assigned
/// where the action needs an assignee.
fn precondition(action: Action) -> (&'static str, bool) {
    match action {
        Action::Accept | Action::Refuse | Action::RequestSupplement => ("submitted", false),
        Action::Assign | Action::Stop | Action::Extend => ("received", false),
        Action::Propose => ("processing", true),
        Action::Approve | Action::SendBack => ("awaiting_approval", true),
        Action::Return => ("result_ready", true),
        Action::Supplement | Action::Withdraw => unreachable!("the applicant's own actions"),
    }
}

async fn put_in_state(app: &TestApp, code: &str, status: &str, assigned: bool) -> i32 {
    sqlx::query_scalar(
        "UPDATE dossiers SET status = $2, resumes_to = NULL, paused_at = NULL,
                assignee_id = CASE WHEN $3 THEN (SELECT id FROM users WHERE email = $4) END,
                due_at = $5::date + interval '3 days 17 hours',
                version = version + 1
         WHERE code = $1 RETURNING version",
    )
    .bind(code)
    .bind(status)
    .bind(assigned)
    .bind(SPECIALIST)
    .bind(app.clock().today_in_vietnam())
    .fetch_one(&app.pool)
    .await
    .unwrap()
}

#[tokio::test]
async fn only_the_named_roles_at_the_dossiers_agency_change_it() {
    let app = spawn_app().await;
    let code = filed(&app).await;
    let elsewhere = official_elsewhere(&app).await;
    let specialist: String = sqlx::query_scalar("SELECT id::text FROM users WHERE email = $1")
        .bind(SPECIALIST)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    // A working day well after any appointment the reset sets.
    let new_due: String = sqlx::query_scalar(
        "SELECT to_char(candidate, 'YYYY-MM-DD')
         FROM generate_series($1::date + 10, $1::date + 40, interval '1 day') AS candidate
         WHERE extract(isodow FROM candidate) < 6
           AND NOT EXISTS (SELECT 1 FROM calendar_days c WHERE c.day = candidate::date)
         ORDER BY candidate LIMIT 1",
    )
    .bind(app.clock().today_in_vietnam())
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let tryers = [
        Tryer {
            email: RECEPTION,
            roles_here: &[Role::Reception],
        },
        Tryer {
            email: SPECIALIST,
            roles_here: &[Role::Specialist],
        },
        Tryer {
            email: LEADER,
            roles_here: &[Role::Leader],
        },
        // The province's manager and administrator see the commune but do
        // not work its dossiers.
        Tryer {
            email: MANAGER,
            roles_here: &[],
        },
        Tryer {
            email: "quantri@motcua.example",
            roles_here: &[],
        },
        Tryer {
            email: CITIZEN,
            roles_here: &[],
        },
        // Reception, specialist and leader — of another commune.
        Tryer {
            email: elsewhere,
            roles_here: &[],
        },
    ];
    let mut browsers: Vec<Browser<'_>> = Vec::new();
    for tryer in &tryers {
        browsers.push(signed_in(&app, tryer.email).await);
    }

    let mut checked = 0;
    for action in Action::ALL {
        let Actor::Official(named) = action.actor() else {
            continue;
        };
        let (status, assigned) = precondition(action);
        for (tryer, browser) in tryers.iter().zip(browsers.iter_mut()) {
            let version = put_in_state(&app, &code, status, assigned).await;
            let version_text = version.to_string();
            browser
                .post(
                    &format!("/can-bo/ho-so/{code}/thao-tac"),
                    &[
                        ("action", action.as_str()),
                        ("version", &version_text),
                        ("note", "Lý do kiểm thử."),
                        ("assignee", &specialist),
                        ("new_due", &new_due),
                    ],
                )
                .await;
            let now: i32 = sqlx::query_scalar("SELECT version FROM dossiers WHERE code = $1")
                .bind(&code)
                .fetch_one(&app.pool)
                .await
                .unwrap();
            let expected = tryer
                .roles_here
                .iter()
                .any(|role| named.contains(role) && (*role != Role::Specialist || assigned));
            assert_eq!(
                now != version,
                expected,
                "{} as {} from “{status}”",
                action.as_str(),
                tryer.email
            );
            checked += 1;
        }
    }
    assert_eq!(
        checked,
        10 * tryers.len(),
        "every official action was tried"
    );
}
