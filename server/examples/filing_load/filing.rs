//! One filing: a signed-in citizen's seven requests, from the filing page
//! to the new dossier's page, each timed.

use crate::browser::{text_excerpt, Answer, Browser};
use crate::form::{answers, form_body, multipart_body};
use std::time::{Duration, Instant};

/// The requests of one filing, in order.
pub(crate) const KINDS: [&str; 7] = [
    "GET filing page",
    "POST upload (multipart)",
    "GET filing page (after upload)",
    "POST form, action=review",
    "GET check page",
    "POST check page (submit)",
    "GET new dossier",
];

/// A citizen with a signed-in session.
pub(crate) struct Citizen {
    pub(crate) id: i64,
    pub(crate) name: String,
    pub(crate) citizen_id: String,
    pub(crate) agency: String,
    pub(crate) cookie: String,
}

/// What went wrong in one filing: the step and what was seen.
#[derive(Debug)]
pub(crate) struct Failure {
    pub(crate) kind: usize,
    pub(crate) what: String,
}

/// One filing: when it started and ended (since the run began), each
/// request's time, and the code it got.
pub(crate) struct Filing {
    pub(crate) start: Duration,
    pub(crate) end: Duration,
    pub(crate) steps: Vec<Duration>,
    pub(crate) outcome: Result<(i64, String), Failure>,
}

/// The value that follows `marker` up to the next `"`.
fn attribute_after<'a>(page: &'a str, marker: &str) -> Option<&'a str> {
    page.split(marker).nth(1)?.split('"').next()
}

/// Files one dossier as `citizen`; the time of every request goes in `steps`.
pub(crate) async fn file_one(
    browser: &Browser,
    citizen: &mut Citizen,
    procedure: &str,
    pdf: &[u8],
    steps: &mut Vec<Duration>,
) -> Result<String, Failure> {
    let form = format!("/nop-ho-so/{procedure}");
    let check = format!("{form}/kiem-tra");
    let fail = |kind: usize, what: String| Failure { kind, what };
    macro_rules! step {
        ($kind:expr, $method:expr, $path:expr, $body:expr) => {{
            let started = Instant::now();
            let answer = browser
                .send(&citizen.cookie, $method, $path, $body)
                .await
                .map_err(|what| fail($kind, what))?;
            steps.push(started.elapsed());
            match &answer.cookie {
                Some(Some(cookie)) => citizen.cookie = cookie.clone(),
                Some(None) => return Err(fail($kind, "the session was ended".into())),
                None => {}
            }
            answer
        }};
    }
    let expect_redirect = |kind: usize, answer: &Answer, to: &dyn Fn(&str) -> bool| {
        if answer.status == 303 && to(&answer.location) {
            Ok(())
        } else {
            Err(fail(
                kind,
                format!(
                    "answered {} to {:?}: {}",
                    answer.status,
                    answer.location,
                    text_excerpt(&answer.body)
                ),
            ))
        }
    };

    // 1. The filing page.
    let page = step!(0, reqwest::Method::GET, &form, None);
    if page.status != 200 {
        return Err(fail(
            0,
            format!("answered {} to {:?}", page.status, page.location),
        ));
    }
    let slot = attribute_after(&page.body, "name=\"file_")
        .map(str::to_string)
        .ok_or_else(|| fail(0, "no document slot (`name=\"file_…\"`) on the page".into()))?;

    // 2. "Tải lên": the whole form with the file.
    let fields = answers(citizen);
    let upload = multipart_body(&fields, &slot, pdf);
    let uploaded = step!(
        1,
        reqwest::Method::POST,
        &format!("{form}/giay-to"),
        Some(upload)
    );
    expect_redirect(1, &uploaded, &|location| location.starts_with(&form))?;

    // 3. Back on the page, which says the file is in.
    let page = step!(2, reqwest::Method::GET, &form, None);
    if page.status != 200 || !page.body.contains("Đã tải lên") {
        return Err(fail(
            2,
            format!(
                "the upload was not confirmed ({}): {}",
                page.status,
                text_excerpt(&page.body)
            ),
        ));
    }

    // 4. "Tiếp tục".
    let mut fields = answers(citizen)
        .into_iter()
        .map(|(name, value)| (name, value.to_string()))
        .collect::<Vec<_>>();
    fields.push(("action", "review".into()));
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(name, value)| (*name, value.as_str()))
        .collect();
    let reviewed = step!(
        3,
        reqwest::Method::POST,
        &form,
        Some((
            "application/x-www-form-urlencoded".into(),
            form_body(&pairs).into_bytes()
        ))
    );
    if reviewed.status == 303 && reviewed.location != check {
        // Back to the form: it says what is missing.
        let page = browser
            .send(&citizen.cookie, reqwest::Method::GET, &form, None)
            .await
            .map(|answer| text_excerpt(&answer.body))
            .unwrap_or_default();
        return Err(fail(3, format!("sent back to the form: {page}")));
    }
    expect_redirect(3, &reviewed, &|location| location == check)?;

    // 5. The check page, with the fee to confirm.
    let page = step!(4, reqwest::Method::GET, &check, None);
    let fee_total = attribute_after(&page.body, "name=\"fee_total\" value=\"")
        .map(str::to_string)
        .ok_or_else(|| {
            fail(
                4,
                format!(
                    "no “Nộp hồ sơ” on the check page: {}",
                    text_excerpt(&page.body)
                ),
            )
        })?;

    // 6. "Nộp hồ sơ".
    let sent = step!(
        5,
        reqwest::Method::POST,
        &check,
        Some((
            "application/x-www-form-urlencoded".into(),
            form_body(&[("fee_total", &fee_total)]).into_bytes()
        ))
    );
    expect_redirect(5, &sent, &|location| location.starts_with("/ho-so/"))?;
    let code = sent.location.trim_start_matches("/ho-so/").to_string();

    // 7. The new dossier.
    let page = step!(6, reqwest::Method::GET, &sent.location, None);
    if page.status != 200 || !page.body.contains(&code) {
        return Err(fail(
            6,
            format!("the dossier page does not show {code} ({})", page.status),
        ));
    }
    Ok(code)
}
