//! Every instance drops its copies when the catalogue changes: PostgreSQL
//! triggers on every table the public pages show send `public_pages_changed`
//! at commit (migration `…_public_pages_changed.sql`), and each instance
//! listens. While the listening connection is down nothing would tell the
//! instance, so it drops everything then too, and again once it listens.

use super::PageCache;
use sqlx::postgres::PgListener;
use sqlx::PgPool;
use std::time::Duration;

const CHANNEL: &str = "public_pages_changed";

/// Listens for as long as the process runs.
pub fn spawn_invalidation(pool: PgPool, cache: PageCache) {
    if !cache.enabled() {
        return;
    }
    tokio::spawn(async move {
        loop {
            match listen(&pool, &cache).await {
                Ok(()) => {}
                // Meanwhile a copy lives at most its lifetime.
                Err(error) => tracing::warn!(%error, "not listening for catalogue changes"),
            }
            cache.clear();
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    });
}

async fn listen(pool: &PgPool, cache: &PageCache) -> Result<(), sqlx::Error> {
    let mut listener = PgListener::connect_with(pool).await?;
    listener.listen(CHANNEL).await?;
    // Anything kept before this point may have missed a change.
    cache.clear();
    loop {
        // `None`: the connection was lost and is being made again; what
        // changed meanwhile was not told, so everything goes.
        listener.try_recv().await?;
        cache.clear();
    }
}
