//! One account per role, and a citizen, for demonstrations. All share the
//! password `Demo@12345`; the README lists them. They exist only in demo mode.
//! The officials also share one authenticator secret ([`DEMO_TOTP_SECRET`],
//! base32 `NVXXIY3VMEWWIZLNN4WTEZTBFUZDAMRW`, in the README too): add it to
//! an authenticator app to sign in as any of them.

use app::access::Role;
use app::accounts::password::{Password, PasswordContext};
use app::accounts::password_hash;
use app::accounts::second_factor::{self, sealing::SealingKey};
use sqlx::PgPool;

pub const DEMO_PASSWORD: &str = "Demo@12345";
/// The demo officials' second factor: twenty bytes, public like the
/// password, for demonstrations and the end-to-end tests only.
pub const DEMO_TOTP_SECRET: &[u8; 20] = b"motcua-demo-2fa-2026";

struct DemoOfficial {
    email: &'static str,
    full_name: &'static str,
    agency_code: &'static str,
    roles: &'static [Role],
}

const OFFICIALS: &[DemoOfficial] = &[
    DemoOfficial {
        email: "tiepnhan@motcua.example",
        full_name: "Nguyễn Thị Tiếp Nhận",
        agency_code: "000.01.40.H34",
        roles: &[Role::Reception],
    },
    DemoOfficial {
        email: "chuyenvien@motcua.example",
        full_name: "Trần Văn Chuyên",
        agency_code: "000.01.40.H34",
        roles: &[Role::Specialist],
    },
    DemoOfficial {
        email: "lanhdao@motcua.example",
        full_name: "Lê Minh Lãnh",
        agency_code: "000.01.40.H34",
        roles: &[Role::Leader],
    },
    // The provincial land registration office: it examines the commune's
    // first-time land registrations (liên thông, issue 17 item 8).
    DemoOfficial {
        email: "chuyenvien.datdai@motcua.example",
        full_name: "Ngô Văn Địa",
        agency_code: "000.01.14.H34",
        roles: &[Role::Specialist],
    },
    DemoOfficial {
        email: "lanhdao.datdai@motcua.example",
        full_name: "Vũ Thị Chính",
        agency_code: "000.01.14.H34",
        roles: &[Role::Leader],
    },
    DemoOfficial {
        email: "quanly@motcua.example",
        full_name: "Phạm Thu Quản",
        agency_code: "000.00.00.H34",
        roles: &[Role::Manager],
    },
    DemoOfficial {
        email: "quantri@motcua.example",
        full_name: "Hoàng Quốc Trị",
        agency_code: "000.00.00.H34",
        roles: &[Role::Administrator],
    },
    // Designs the province's e-forms; the administrators review them.
    DemoOfficial {
        email: "thietke@motcua.example",
        full_name: "Bùi Văn Mẫu",
        agency_code: "000.00.00.H34",
        roles: &[Role::FormDesigner],
    },
    // Writes the province's questions and answers; the administrators
    // (or another editor) publish them.
    DemoOfficial {
        email: "bientap@motcua.example",
        full_name: "Mai Thị Biên",
        agency_code: "000.00.00.H34",
        roles: &[Role::Editor],
    },
    // The operations centre: receives every field report, forwards,
    // merges or refuses it, and publishes the agencies' answers.
    DemoOfficial {
        email: "dieuphoi@motcua.example",
        full_name: "Trịnh Văn Điều",
        agency_code: "000.00.00.H34",
        roles: &[Role::Coordinator],
    },
    // A second administrator: procedure versions are published by someone
    // other than their author (four eyes).
    DemoOfficial {
        email: "kiemduyet@motcua.example",
        full_name: "Đỗ Thị Duyệt",
        agency_code: "000.00.00.H34",
        roles: &[Role::Administrator],
    },
];

pub async fn load(pool: &PgPool, key: &crate::config::SecretKey) -> anyhow::Result<()> {
    let sealing = SealingKey::new(key.0);
    let password = Password::parse(DEMO_PASSWORD, &PasswordContext::default())
        .map_err(|error| anyhow::anyhow!("the demo password breaks the policy: {error:?}"))?;
    // One hash for all: the accounts are for demonstrations only.
    let hash = password_hash::hash(&password)
        .await
        .map_err(|error| anyhow::anyhow!("hashing the demo password: {error}"))?;

    let mut tx = pool.begin().await?;
    sqlx::query!(
        r#"
        INSERT INTO users (kind, full_name, email, citizen_id, date_of_birth, phone, password_hash, email_confirmed_at)
        VALUES ('citizen', 'Vũ Thị Công Dân', 'congdan@motcua.example', '022190001234', '1990-05-12', '0912345678', $1, now())
        ON CONFLICT ((lower(email))) DO NOTHING
        "#,
        hash
    )
    .execute(&mut *tx)
    .await?;
    // The demo citizen registered as anyone does: agreeing to the privacy
    // notice in force.
    sqlx::query!(
        "INSERT INTO privacy_consents (user_id, notice_version, place)
         SELECT u.id, n.version, 'registration'
         FROM users u, (SELECT max(version) AS version FROM privacy_notices) n
         WHERE u.email = 'congdan@motcua.example'
         ON CONFLICT (user_id, notice_version) DO NOTHING"
    )
    .execute(&mut *tx)
    .await?;
    for official in OFFICIALS {
        let inserted = sqlx::query_scalar!(
            r#"
            INSERT INTO users (kind, full_name, email, password_hash, email_confirmed_at, agency_id)
            VALUES ('official', $1, $2, $3, now(), (SELECT id FROM agencies WHERE code = $4))
            ON CONFLICT ((lower(email))) DO NOTHING
            RETURNING id
            "#,
            official.full_name,
            official.email,
            hash,
            official.agency_code,
        )
        .fetch_optional(&mut *tx)
        .await?;
        if let Some(user_id) = inserted {
            second_factor::store::enrol_known(&mut tx, &sealing, user_id, DEMO_TOTP_SECRET)
                .await
                .map_err(|error| anyhow::anyhow!("the demo second factor: {error}"))?;
            for &role in official.roles {
                sqlx::query!(
                    "INSERT INTO user_roles (user_id, role) VALUES ($1, $2)",
                    user_id,
                    role as Role,
                )
                .execute(&mut *tx)
                .await?;
            }
        }
    }
    tx.commit().await?;
    Ok(())
}
