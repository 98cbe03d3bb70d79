//! A real S3-compatible server for the tests: moto's server (PyPI
//! `moto[server]`, installed by scripts/setup), on a free port, with one
//! bucket.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct S3Server {
    child: Child,
    pub endpoint: String,
    pub bucket: &'static str,
}

impl S3Server {
    pub fn start() -> S3Server {
        let port = super::free_port();
        let child = Command::new("python3")
            .args([
                "-m",
                "moto.server",
                "-H",
                "127.0.0.1",
                "-p",
                &port.to_string(),
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("python3 runs moto's S3 server (scripts/setup installs moto[server])");
        let server = S3Server {
            child,
            endpoint: format!("http://127.0.0.1:{port}"),
            bucket: "motcua-files",
        };
        // Creating the bucket is also the readiness check.
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if server
                .request("PUT", "/motcua-files")
                .is_some_and(|(status, _)| status == 200)
            {
                return server;
            }
            assert!(
                Instant::now() < deadline,
                "moto's S3 server did not start on port {port} (is `python3 -m pip install 'moto[server]'` done?)"
            );
            std::thread::sleep(Duration::from_millis(200));
        }
    }

    /// The status and body of a bare request (moto does not check signatures).
    pub fn request(&self, method: &str, path: &str) -> Option<(u16, String)> {
        let address = self.endpoint.trim_start_matches("http://");
        let mut stream = TcpStream::connect(address).ok()?;
        write!(
            stream,
            "{method} {path} HTTP/1.1\r\nHost: {address}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        )
        .ok()?;
        let mut reply = String::new();
        stream.read_to_string(&mut reply).ok()?;
        let status = reply.split_whitespace().nth(1)?.parse().ok()?;
        let body = reply
            .split_once("\r\n\r\n")
            .map(|(_, body)| body.to_string())?;
        Some((status, body))
    }
}

impl Drop for S3Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
