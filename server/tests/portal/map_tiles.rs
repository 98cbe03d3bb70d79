//! The field report's map: a province administrator sets where tiles come
//! from; the form then shows a map (hidden until scripts run), and its
//! tiles come through the portal, to signed-in visitors only, from the
//! address set — never anything but an image of bounded size.

use crate::support;
use app::field_reports::map_tiles::tiles_version;
use axum::http::header;
use support::back_office::{signed_in, CITIZEN};
use support::browser::Browser;
use support::tiles::{TileService, TILE_PNG};
use support::{parallel, spawn_app, TestApp};

const ADMIN: &str = "quantri@motcua.example";
const FORM: &str = "/phan-anh/gui";

/// The field reports' settings form as an administrator fills it in.
fn settings<'a>(tile_url: &'a str, attribution: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("report_reopen_days", "7"),
        ("map_tile_url", tile_url),
        ("map_attribution", attribution),
        ("map_centre_latitude", "20.9517"),
        ("map_centre_longitude", "107.0806"),
        ("map_zoom", "14"),
    ]
}

async fn set_tiles(app: &TestApp, template: &str) {
    sqlx::query("UPDATE portal_settings SET map_tile_url = $1, map_attribution = '© OpenStreetMap contributors'")
        .bind(template)
        .execute(&app.pool)
        .await
        .unwrap();
}

#[tokio::test]
async fn the_form_shows_a_map_once_the_province_sets_where_tiles_come_from() {
    let app = spawn_app().await;
    let mut citizen = signed_in(&app, CITIZEN).await;
    let without = citizen.get(FORM).await;
    assert_eq!(without.status.as_u16(), 200);
    assert!(
        !without.body.contains("id=\"report-map\""),
        "no tiles, no map"
    );
    assert!(
        without.body.contains("name=\"vi-do\""),
        "coordinates can be typed"
    );

    let mut admin = signed_in(&app, ADMIN).await;
    // An address without the tile numbers is refused, with what was typed.
    let typed = "https://tile.example.vn/{z}/{x}.png";
    let refused = admin
        .post(
            "/quan-tri/cai-dat/phan-anh",
            &settings(typed, "© Bản đồ tỉnh"),
        )
        .await;
    assert_eq!(refused.location(), "/quan-tri/cai-dat#phan-anh");
    let page = admin.get("/quan-tri/cai-dat").await;
    assert!(
        page.text().contains("có đủ {z}, {x}, {y}"),
        "{}",
        page.text()
    );
    assert!(page.body.contains(&format!("value=\"{typed}\"")), "kept");
    assert!(page.body.contains("value=\"© Bản đồ tỉnh\""), "kept");
    // Tiles without their licence's credit are refused too.
    let template = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
    admin
        .post("/quan-tri/cai-dat/phan-anh", &settings(template, ""))
        .await;
    assert!(admin
        .get("/quan-tri/cai-dat")
        .await
        .text()
        .contains("dòng ghi công"));
    let stored: String = sqlx::query_scalar("SELECT map_tile_url FROM portal_settings")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(stored, "", "nothing refused is kept");

    admin
        .post(
            "/quan-tri/cai-dat/phan-anh",
            &settings(template, "© OpenStreetMap contributors"),
        )
        .await;
    let (stored, zoom): (String, i16) =
        sqlx::query_as("SELECT map_tile_url, map_zoom FROM portal_settings")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!((stored.as_str(), zoom), (template, 14));
    let audited: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM audit_log WHERE action = 'settings_updated'
         AND detail -> 'after' -> 'map' ->> 'tile_url' = $1",
    )
    .bind(template)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(audited, 1);

    let with = citizen.get(FORM).await.body;
    // Hidden until its island shows it: without scripts it cannot work.
    assert!(with.contains("id=\"report-map\" hidden"), "{with}");
    assert!(with.contains("© OpenStreetMap contributors"));
    assert!(with.contains("Chọn điểm ở tâm bản đồ"));
    assert!(
        with.contains(&tiles_version(template)),
        "the island's tiles"
    );
    assert!(
        !with.contains("tile.openstreetmap.org"),
        "the browser never asks the service"
    );
    // The typed coordinates stay, for keyboards and for no scripts.
    assert!(with.contains("name=\"vi-do\"") && with.contains("name=\"kinh-do\""));
}

#[tokio::test]
async fn tiles_come_through_the_portal_to_signed_in_visitors_only() {
    let app = spawn_app().await;
    let service = TileService::start().await;
    set_tiles(&app, &service.template).await;
    let version = tiles_version(&service.template);
    let mut citizen = signed_in(&app, CITIZEN).await;

    let tile = citizen
        .get(&format!("/ban-do/{version}/13/6532/3608"))
        .await;
    assert_eq!(tile.status.as_u16(), 200);
    assert_eq!(tile.header("content-type"), "image/png");
    assert_eq!(tile.bytes, TILE_PNG);
    assert_eq!(tile.header("cache-control"), "private, max-age=604800");
    let asked = service.asked();
    assert_eq!(asked.len(), 1);
    assert_eq!(asked[0].0, "/13/6532/3608.png");
    assert!(
        asked[0].1.starts_with("MotCua/"),
        "a named client: {}",
        asked[0].1
    );

    // Nobody signed in: sent to sign in, the service never asked.
    let mut stranger = Browser::new(&app);
    let refused = stranger
        .get(&format!("/ban-do/{version}/13/6532/3609"))
        .await;
    assert_ne!(refused.status.as_u16(), 200);
    assert!(
        refused.location().starts_with("/dang-nhap"),
        "{}",
        refused.location()
    );
    // Another address's tiles, and tiles that cannot exist: missing,
    // without asking the service.
    for path in [
        "/ban-do/0123456789ab/13/6532/3608".to_string(),
        format!("/ban-do/{version}/20/0/0"),
        format!("/ban-do/{version}/13/8192/0"),
        format!("/ban-do/{version}/13/0/8192"),
    ] {
        assert_eq!(citizen.get(&path).await.status.as_u16(), 404, "{path}");
    }
    assert_eq!(service.asked().len(), 1);

    // What the service gives that is no tile never reaches the browser.
    let none = citizen.get(&format!("/ban-do/{version}/13/1/5")).await;
    assert_eq!(none.status.as_u16(), 404);
    assert_eq!(none.header("cache-control"), "no-store");
    let page = citizen.get(&format!("/ban-do/{version}/13/2/5")).await;
    assert_eq!(page.status.as_u16(), 502);
    assert!(!page.body.contains("quota"));
    let huge = citizen.get(&format!("/ban-do/{version}/13/3/5")).await;
    assert_eq!(huge.status.as_u16(), 502);
    assert!(huge.bytes.len() < 1024, "nothing of it passed");

    // A new address: the old tiles' paths are gone, so no browser keeps
    // showing the old service's tiles.
    let other = TileService::start().await;
    set_tiles(&app, &other.template).await;
    let old = citizen
        .get(&format!("/ban-do/{version}/13/6532/3608"))
        .await;
    assert_eq!(old.status.as_u16(), 404);
    let new = citizen
        .get(&format!(
            "/ban-do/{}/13/6532/3608",
            tiles_version(&other.template)
        ))
        .await;
    assert_eq!(new.status.as_u16(), 200);
    assert_eq!(other.asked().len(), 1);
}

#[tokio::test]
async fn parallel_tile_requests_each_get_their_own_answer_and_no_oversized_tile_passes() {
    let app = spawn_app().await;
    let service = TileService::start().await;
    set_tiles(&app, &service.template).await;
    let version = tiles_version(&service.template);
    let citizen = signed_in(&app, CITIZEN).await;
    // Eight good tiles and four too large, asked all at once.
    let paths: Vec<(String, u16)> = (0..12u32)
        .map(|n| {
            let (column, expected) = if n % 3 == 0 { (3, 502) } else { (4 + n, 200) };
            (format!("/ban-do/{version}/13/{column}/{n}"), expected)
        })
        .collect();
    let cookie = citizen.session_cookie().expect("signed in");
    let requests = paths
        .iter()
        .enumerate()
        .map(|(n, (path, _))| {
            let mut request = parallel::get(path, parallel::address(n as u16));
            request
                .headers_mut()
                .insert(header::COOKIE, cookie.parse().unwrap());
            request
        })
        .collect();
    let answers = parallel::all_at_once(&app, requests).await;
    for ((path, expected), (status, body)) in paths.iter().zip(&answers) {
        assert_eq!(status.as_u16(), *expected, "{path}");
        if *expected == 200 {
            assert_eq!(*body, String::from_utf8_lossy(TILE_PNG), "{path}");
        } else {
            assert!(body.len() < 1024, "{path}");
        }
    }
    assert_eq!(service.asked().len(), 12);
}
