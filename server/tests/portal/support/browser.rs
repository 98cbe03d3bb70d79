//! A browser stand-in: keeps the session cookie like a browser would and
//! sends the headers a browser sends with same-origin form posts.

use super::{TestApp, TestResponse};
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{header, Request};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};

/// The portal's origin in tests (the default public URL).
pub const PORTAL: &str = "http://127.0.0.1:3000";

/// Where a sign-in without a page to return to lands.
pub const LANDING_PAGES: [&str; 8] = [
    "/can-bo/phan-anh",
    "/quan-tri/bieu-mau",
    "/quan-tri/hoi-dap",
    "/ho-so",
    "/can-bo",
    "/thong-ke",
    "/quan-tri/nguoi-dung",
    "/tai-khoan",
];

pub struct Browser<'a> {
    app: &'a TestApp,
    cookie: Option<String>,
    pub ip: IpAddr,
    /// The `User-Agent` it sends, if any.
    pub user_agent: Option<&'static str>,
}

impl<'a> Browser<'a> {
    pub fn new(app: &'a TestApp) -> Self {
        Browser {
            app,
            cookie: None,
            ip: IpAddr::V4(Ipv4Addr::new(203, 0, 113, 10)),
            user_agent: None,
        }
    }

    /// The `name=value` of the session cookie, if the browser holds one.
    pub fn session_cookie(&self) -> Option<String> {
        self.cookie.clone()
    }

    /// Makes this browser present `cookie` (e.g. one copied from another).
    pub fn set_session_cookie(&mut self, cookie: Option<String>) {
        self.cookie = cookie;
    }

    pub async fn get(&mut self, uri: &str) -> TestResponse {
        let request = self.request(
            Request::get(uri).header(header::ACCEPT, "text/html"),
            Body::empty(),
        );
        self.send(request).await
    }

    /// A same-origin form post, as a browser sends it.
    pub async fn post(&mut self, uri: &str, fields: &[(&str, &str)]) -> TestResponse {
        let body = form_body(fields);
        let request = self.request(
            Request::post(uri)
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .header(header::ORIGIN, PORTAL)
                .header("sec-fetch-site", "same-origin"),
            Body::from(body),
        );
        self.send(request).await
    }

    /// A same-origin `multipart/form-data` post: `fields`, then `files`
    /// as (input name, file name, content).
    pub async fn post_multipart(
        &mut self,
        uri: &str,
        fields: &[(&str, &str)],
        files: &[(&str, &str, &[u8])],
    ) -> TestResponse {
        let request = self.request(
            Request::post(uri)
                .header(
                    header::CONTENT_TYPE,
                    format!("multipart/form-data; boundary={BOUNDARY}"),
                )
                .header(header::ORIGIN, PORTAL)
                .header("sec-fetch-site", "same-origin"),
            Body::from(multipart_body(fields, files)),
        );
        self.send(request).await
    }

    /// A post with the given `Origin`/`Sec-Fetch-Site` (None: header left out).
    pub async fn post_from(
        &mut self,
        uri: &str,
        fields: &[(&str, &str)],
        origin: Option<&str>,
        fetch_site: Option<&str>,
    ) -> TestResponse {
        let mut builder =
            Request::post(uri).header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
        if let Some(origin) = origin {
            builder = builder.header(header::ORIGIN, origin);
        }
        if let Some(site) = fetch_site {
            builder = builder.header("sec-fetch-site", site);
        }
        let request = self.request(builder, Body::from(form_body(fields)));
        self.send(request).await
    }

    /// Signs in and checks it worked: it lands where the person's work is
    /// (their dossiers, the inbox, the statistics, the officials list).
    ///
    /// Officials with an authenticator app enter its code next; those whose
    /// roles need one and who have none set one up first, as the portal
    /// asks them to.
    pub async fn sign_in(&mut self, identifier: &str, password: &str) {
        let mut response = self
            .post(
                "/dang-nhap",
                &[("identifier", identifier), ("password", password)],
            )
            .await;
        assert_eq!(response.status, 303);
        if response.location() == "/dang-nhap/xac-thuc" {
            let code = self.app.authenticator_code(identifier).await;
            response = self.post("/dang-nhap/xac-thuc", &[("code", &code)]).await;
            assert_eq!(response.status, 303);
        }
        if response.location() == "/tai-khoan/xac-thuc-hai-buoc" {
            self.set_up_authenticator(identifier).await;
            return;
        }
        assert!(
            LANDING_PAGES.contains(&response.location().as_str()),
            "sign-in as {identifier} failed: {}",
            response.location()
        );
    }

    pub fn app(&self) -> &TestApp {
        self.app
    }

    fn request(&self, mut builder: axum::http::request::Builder, body: Body) -> Request<Body> {
        if let Some(cookie) = &self.cookie {
            builder = builder.header(header::COOKIE, cookie);
        }
        if let Some(agent) = self.user_agent {
            builder = builder.header(header::USER_AGENT, agent);
        }
        let mut request = builder.body(body).unwrap();
        request
            .extensions_mut()
            .insert(ConnectInfo(SocketAddr::new(self.ip, 50000)));
        request
    }

    async fn send(&mut self, request: Request<Body>) -> TestResponse {
        let response = self.app.request(request).await;
        for set_cookie in response.headers.get_all(header::SET_COOKIE) {
            let text = set_cookie.to_str().unwrap();
            let pair = text.split(';').next().unwrap().trim().to_string();
            if !pair.starts_with("motcua_session=") {
                continue;
            }
            let removed = text.contains("Max-Age=0") || pair == "motcua_session=";
            self.cookie = if removed { None } else { Some(pair) };
        }
        response
    }
}

fn form_body(fields: &[(&str, &str)]) -> String {
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(fields)
        .finish()
}

const BOUNDARY: &str = "----motcua-test-form";

/// A `multipart/form-data` body, as a browser sends a form with file inputs.
pub fn multipart_body(fields: &[(&str, &str)], files: &[(&str, &str, &[u8])]) -> Vec<u8> {
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend_from_slice(
            format!("--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
                .as_bytes(),
        );
    }
    for (name, file_name, content) in files {
        body.extend_from_slice(
            format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{file_name}\"\r\n\
                 Content-Type: application/octet-stream\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(content);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    body
}
