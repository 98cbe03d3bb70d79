//! Pages keep loading their data while another router is being built in the
//! same process (a second test, a second listener): building the page list
//! must not stall requests that are rendering at that moment.

use crate::support;

use server::config::Config;
use server::state::AppState;
use std::time::Duration;
use support::spawn_app;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_render_while_routers_are_built_elsewhere() {
    let app = spawn_app().await;
    let pool = app.pool.clone();
    let builder = std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let _inside = runtime.enter();
        for _ in 0..200 {
            let config = Config::from_lookup(|_| None).unwrap();
            drop(server::router(AppState::new(pool.clone(), config)));
        }
    });
    let mut rendered = 0;
    while !builder.is_finished() || rendered < 20 {
        let page = tokio::time::timeout(Duration::from_secs(10), app.get("/thu-tuc/1.001193"))
            .await
            .expect("the procedure page answers while routers are built");
        assert_eq!(page.status, 200);
        assert!(page.text().contains("Đăng ký khai sinh"));
        rendered += 1;
    }
    builder.join().unwrap();
}
