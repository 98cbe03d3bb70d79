//! Public pages kept in memory: the home page, the catalogue and its
//! searches, procedure pages and the search API, as an anonymous visitor
//! gets them. They are the same bytes for every anonymous visitor (the
//! pages' one inline script is admitted by its hash, not a per-response
//! nonce), and they are what a province's citizens ask for most.
//!
//! - Only anonymous visitors are answered from memory: a request with any
//!   cookie but the language one (a session: a signed-in visitor, or a
//!   notice waiting for the next page) or an `Authorization` header goes to
//!   the handler. The key is the address with its query and the language.
//! - Only a complete `200` without `Set-Cookie` is kept.
//! - Each copy lives `MOTCUA_PAGE_CACHE_SECONDS` (default 30; 0 turns the
//!   cache off), so what depends on the day (an appointment estimate) is
//!   hardly older than that; whatever changes the catalogue drops every copy
//!   on every instance at once (`invalidation.rs`).
//! - When a copy expires, one request renders the page again while the
//!   others still get the old copy (for at most one more lifetime): without
//!   that, every visitor of a busy page rendered it at once each time it
//!   expired, and the slowest answers took seconds (bench/README.md).
//!   Likewise when there is no copy yet (first visit, or the catalogue
//!   just changed): one request renders, and the others asking for the
//!   same page wait for it (at most [`WAIT_FOR_RENDER`]) instead of
//!   running the same search at once.
//! - At most [`MAX_ENTRIES`] copies: when full, all are dropped (a flood of
//!   distinct searches costs renders, never memory).
//! - Browsers may keep a copy as long as the instance does, and then ask
//!   again with its `ETag` (`validation.rs`): an unchanged page costs a
//!   `304` without a body. `Vary: Cookie` keeps a visitor who has just
//!   signed in or changed the language from being shown the copy kept
//!   before.

mod invalidation;
mod validation;

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, Method, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

pub use invalidation::spawn_invalidation;

/// How many pages one instance keeps at most.
pub const MAX_ENTRIES: usize = 4096;
/// Larger answers are not kept.
const MAX_BODY_BYTES: usize = 1024 * 1024;
/// How long a request waits for another's render of the same page before
/// rendering it itself.
pub const WAIT_FOR_RENDER: Duration = Duration::from_secs(5);

#[derive(Clone)]
pub struct PageCache {
    shared: Arc<Shared>,
}

struct Shared {
    lifetime: Duration,
    entries: RwLock<HashMap<String, Arc<Entry>>>,
    /// Pages being rendered with no copy to give meanwhile, and how those
    /// who wait for them are woken.
    rendering: std::sync::Mutex<HashMap<String, Arc<tokio::sync::Notify>>>,
}

struct Entry {
    stored: Instant,
    /// The page's headers, its validator and caching rules included.
    headers: HeaderMap,
    body: Bytes,
    /// Set by the one request that renders the page again once it expired.
    renewing: std::sync::atomic::AtomicBool,
}

/// What the cache has for a request.
enum Found {
    /// A copy to answer with.
    Copy(Arc<Entry>),
    /// Nothing usable, or this request renews an expired copy.
    Render,
}

/// Held by the one request rendering a page that has no copy yet; when it
/// is dropped (kept, failed, or the request given up), those waiting are
/// woken to look again.
struct FirstRender {
    cache: PageCache,
    key: String,
}

impl Drop for FirstRender {
    fn drop(&mut self) {
        if let Ok(mut rendering) = self.cache.shared.rendering.lock() {
            if let Some(done) = rendering.remove(&self.key) {
                done.notify_waiters();
            }
        }
    }
}

impl PageCache {
    /// A cache keeping copies for `lifetime`; zero keeps none.
    pub fn new(lifetime: Duration) -> Self {
        PageCache {
            shared: Arc::new(Shared {
                lifetime,
                entries: RwLock::new(HashMap::new()),
                rendering: Default::default(),
            }),
        }
    }

    pub fn enabled(&self) -> bool {
        !self.shared.lifetime.is_zero()
    }

    /// Drops every copy.
    pub fn clear(&self) {
        if let Ok(mut entries) = self.shared.entries.write() {
            entries.clear();
        }
    }

    fn find(&self, key: &str) -> Found {
        use std::sync::atomic::Ordering;
        let Some(entry) = self
            .shared
            .entries
            .read()
            .ok()
            .and_then(|entries| entries.get(key).cloned())
        else {
            return Found::Render;
        };
        let age = entry.stored.elapsed();
        if age < self.shared.lifetime {
            return Found::Copy(entry);
        }
        // Expired: the first request to see it renders; the others keep
        // getting it meanwhile, unless it is far too old (a render that
        // never came back).
        let first = entry
            .renewing
            .compare_exchange(false, true, Ordering::AcqRel, Ordering::Acquire)
            .is_ok();
        if first || age >= self.shared.lifetime * 2 {
            Found::Render
        } else {
            Found::Copy(entry)
        }
    }

    /// For a page without a copy: the right to render it (`Ok`), or the
    /// render under way to wait for (`Err`).
    fn first_render(&self, key: &str) -> Result<Option<FirstRender>, Arc<tokio::sync::Notify>> {
        let Ok(mut rendering) = self.shared.rendering.lock() else {
            return Ok(None);
        };
        if let Some(under_way) = rendering.get(key) {
            return Err(under_way.clone());
        }
        rendering.insert(key.to_string(), Arc::new(tokio::sync::Notify::new()));
        Ok(Some(FirstRender {
            cache: self.clone(),
            key: key.to_string(),
        }))
    }

    /// Waits until the page `key` has been rendered by another request
    /// (or [`WAIT_FOR_RENDER`] has passed), then what the cache has.
    async fn after_render(
        &self,
        key: &str,
        under_way: Arc<tokio::sync::Notify>,
    ) -> Option<Arc<Entry>> {
        let woken = under_way.notified();
        tokio::pin!(woken);
        // Registered before looking again, so a render that ends between
        // the look and the wait still wakes this one.
        woken.as_mut().enable();
        let still_rendering = self.shared.rendering.lock().is_ok_and(|rendering| {
            rendering
                .get(key)
                .is_some_and(|r| Arc::ptr_eq(r, &under_way))
        });
        if still_rendering {
            let _ = tokio::time::timeout(WAIT_FOR_RENDER, woken).await;
        }
        match self.find(key) {
            Found::Copy(entry) => Some(entry),
            Found::Render => None,
        }
    }

    /// A renewal that produced nothing to keep: let the next request try.
    fn renewal_failed(&self, key: &str) {
        if let Some(entry) = self
            .shared
            .entries
            .read()
            .ok()
            .and_then(|entries| entries.get(key).cloned())
        {
            entry
                .renewing
                .store(false, std::sync::atomic::Ordering::Release);
        }
    }

    /// Whether there is a copy of `key`, fresh or not.
    fn has_copy(&self, key: &str) -> bool {
        self.shared
            .entries
            .read()
            .is_ok_and(|entries| entries.contains_key(key))
    }

    fn keep(&self, key: String, entry: Entry) {
        if let Ok(mut entries) = self.shared.entries.write() {
            if entries.len() >= MAX_ENTRIES {
                entries.clear();
            }
            entries.insert(key, Arc::new(entry));
        }
    }
}

/// Whether `path` is a public page whose content depends only on the
/// address, the language and the catalogue.
fn is_public(path: &str) -> bool {
    match path {
        "/" | "/thu-tuc" | "/api/v1/procedures" => true,
        _ => path
            .strip_prefix("/thu-tuc/")
            .is_some_and(|code| !code.is_empty() && !code.contains('/')),
    }
}

/// The cache key of an anonymous visitor's request for a public page;
/// `None` for anything else.
fn key_of(request: &Request) -> Option<String> {
    if request.method() != Method::GET || !is_public(request.uri().path()) {
        return None;
    }
    if request.headers().contains_key(header::AUTHORIZATION) {
        return None;
    }
    // Any cookie but the language one: a session, rendered for its visitor.
    for cookies in request.headers().get_all(header::COOKIE) {
        let only_language = cookies.to_str().ok()?.split(';').all(|pair| {
            let pair = pair.trim();
            pair.is_empty()
                || pair
                    .split_once('=')
                    .is_some_and(|(name, _)| name == app::i18n::LANG_COOKIE)
        });
        if !only_language {
            return None;
        }
    }
    // The language the page will be rendered in (`?lang=` is in the URI).
    let lang = app::i18n::lang_from_headers(request.headers(), None);
    Some(format!("{} {}", lang.code(), request.uri()))
}

/// The middleware: answers from memory when it can, keeps what it may.
pub async fn answer(State(cache): State<PageCache>, request: Request, next: Next) -> Response {
    let Some(key) = cache.enabled().then(|| key_of(&request)).flatten() else {
        return next.run(request).await;
    };
    let validators = request.headers().get(header::IF_NONE_MATCH).cloned();
    let found = cache.find(&key);
    if let Found::Copy(entry) = found {
        return validation::answer_with(&entry.headers, &entry.body, validators.as_ref());
    }
    // No copy at all (an expired one is renewed by its first finder): one
    // request renders, the others wait for it.
    let has_expired_copy = cache.has_copy(&key);
    let _first = if has_expired_copy {
        None
    } else {
        match cache.first_render(&key) {
            Ok(first) => first,
            Err(under_way) => {
                if let Some(entry) = cache.after_render(&key, under_way).await {
                    return validation::answer_with(
                        &entry.headers,
                        &entry.body,
                        validators.as_ref(),
                    );
                }
                // Not kept (an error page, too large): render it here.
                None
            }
        }
    };
    let response = next.run(request).await;
    if response.status() != StatusCode::OK || response.headers().contains_key(header::SET_COOKIE) {
        cache.renewal_failed(&key);
        return response;
    }
    let (mut parts, body) = response.into_parts();
    // The page is the server's own, already rendered: read it whole, and
    // keep it only if it is not too large.
    let bytes = match axum::body::to_bytes(body, usize::MAX).await {
        Ok(bytes) => bytes,
        Err(error) => {
            cache.renewal_failed(&key);
            tracing::error!(%error, "a public page could not be read whole");
            // Rendered again in the visitor's language further out.
            return crate::error_page::page(&app::error::AppError::Internal, Default::default());
        }
    };
    if bytes.len() > MAX_BODY_BYTES {
        cache.renewal_failed(&key);
        return Response::from_parts(parts, Body::from(bytes));
    }
    validation::describe(&mut parts.headers, &bytes, cache.shared.lifetime);
    let answer = validation::answer_with(&parts.headers, &bytes, validators.as_ref());
    cache.keep(
        key,
        Entry {
            stored: Instant::now(),
            headers: parts.headers,
            body: bytes,
            renewing: Default::default(),
        },
    );
    answer
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(uri: &str, cookie: Option<&str>) -> Request {
        let mut builder = Request::get(uri);
        if let Some(cookie) = cookie {
            builder = builder.header(header::COOKIE, cookie);
        }
        builder.body(Body::empty()).unwrap()
    }

    fn entry(stored: Instant) -> Entry {
        Entry {
            stored,
            headers: HeaderMap::new(),
            body: Bytes::new(),
            renewing: Default::default(),
        }
    }

    #[test]
    fn an_expired_copy_is_renewed_by_one_request_while_the_others_get_it() {
        let cache = PageCache::new(Duration::from_secs(10));
        cache.keep(
            "vi /".into(),
            entry(Instant::now() - Duration::from_secs(11)),
        );
        assert!(
            matches!(cache.find("vi /"), Found::Render),
            "the first renews"
        );
        for _ in 0..5 {
            assert!(
                matches!(cache.find("vi /"), Found::Copy(_)),
                "the others get the old copy meanwhile"
            );
        }
        cache.renewal_failed("vi /");
        assert!(
            matches!(cache.find("vi /"), Found::Render),
            "a failed renewal lets the next one try"
        );
        cache.keep("vi /".into(), entry(Instant::now()));
        assert!(matches!(cache.find("vi /"), Found::Copy(_)), "renewed");
    }

    #[test]
    fn only_anonymous_visits_of_public_pages_are_kept() {
        assert_eq!(
            key_of(&request("/thu-tuc?q=khai+sinh", None)).as_deref(),
            Some("vi /thu-tuc?q=khai+sinh")
        );
        assert_eq!(
            key_of(&request("/thu-tuc/1.001193", Some("lang=en"))).as_deref(),
            Some("en /thu-tuc/1.001193")
        );
        assert_eq!(key_of(&request("/", None)).as_deref(), Some("vi /"));
        assert_eq!(
            key_of(&request("/thu-tuc", Some("id=abc"))),
            None,
            "a session"
        );
        assert_eq!(
            key_of(&request("/thu-tuc", Some("lang=vi; id=abc"))),
            None,
            "a session beside the language"
        );
        assert_eq!(key_of(&request("/ho-so", None)), None, "not public");
        assert_eq!(key_of(&request("/thu-tuc/1.001193/x", None)), None);
        assert_eq!(key_of(&request("/nop-ho-so/1.001193", None)), None);
        let post = Request::post("/thu-tuc").body(Body::empty()).unwrap();
        assert_eq!(key_of(&post), None);
        let with_token = Request::get("/api/v1/procedures")
            .header(header::AUTHORIZATION, "Bearer x")
            .body(Body::empty())
            .unwrap();
        assert_eq!(key_of(&with_token), None);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn visitors_arriving_together_at_a_page_without_a_copy_share_one_render() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        use tower::ServiceExt;
        let renders = Arc::new(AtomicUsize::new(0));
        let counted = renders.clone();
        let cache = PageCache::new(Duration::from_secs(60));
        let router = axum::Router::new()
            .route(
                "/thu-tuc",
                axum::routing::get(move || {
                    let counted = counted.clone();
                    async move {
                        counted.fetch_add(1, Ordering::SeqCst);
                        // A slow search.
                        tokio::time::sleep(Duration::from_millis(200)).await;
                        "trang danh mục"
                    }
                }),
            )
            .layer(axum::middleware::from_fn_with_state(cache.clone(), answer));
        let mut visitors = tokio::task::JoinSet::new();
        for _ in 0..16 {
            let router = router.clone();
            visitors.spawn(async move {
                let response = router
                    .oneshot(request("/thu-tuc?q=khai+sinh", None))
                    .await
                    .unwrap();
                let status = response.status();
                let body = axum::body::to_bytes(response.into_body(), usize::MAX)
                    .await
                    .unwrap();
                (status, body)
            });
        }
        while let Some(answer) = visitors.join_next().await {
            let (status, body) = answer.unwrap();
            assert_eq!(status, StatusCode::OK);
            assert_eq!(
                &body[..],
                "trang danh mục".as_bytes(),
                "every visitor gets the page"
            );
        }
        assert_eq!(renders.load(Ordering::SeqCst), 1, "rendered once for all");
        assert!(cache.shared.rendering.lock().unwrap().is_empty());
    }

    #[test]
    fn a_full_cache_starts_again_instead_of_growing() {
        let cache = PageCache::new(Duration::from_secs(60));
        for index in 0..=MAX_ENTRIES {
            cache.keep(format!("vi /thu-tuc?q={index}"), entry(Instant::now()));
        }
        let kept = cache.shared.entries.read().unwrap().len();
        assert_eq!(kept, 1, "cleared when full, then the newest kept");
    }

    #[test]
    fn copies_expire() {
        let cache = PageCache::new(Duration::from_millis(1));
        cache.keep(
            "vi /".into(),
            entry(Instant::now() - Duration::from_millis(5)),
        );
        assert!(
            matches!(cache.find("vi /"), Found::Render),
            "past two lifetimes: rendered again"
        );
        let off = PageCache::new(Duration::ZERO);
        assert!(!off.enabled());
    }
}
