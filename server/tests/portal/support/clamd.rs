//! A real clamd for the tests, with one local signature: EICAR's test
//! string found anywhere in a file (no signature download is possible here,
//! and none is needed to prove the portal refuses what clamd flags).

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The 68-byte EICAR anti-virus test string: harmless, flagged by every scanner.
pub const EICAR: &[u8] = br"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

pub struct Clamd {
    child: Child,
    folder: PathBuf,
    pub tcp: String,
    pub socket: PathBuf,
}

impl Clamd {
    /// Starts clamd on a free port and a unix socket of its own, and waits
    /// until it answers PING.
    pub fn start() -> Clamd {
        let binary = ["/usr/sbin/clamd", "/usr/bin/clamd"]
            .into_iter()
            .find(|path| std::path::Path::new(path).exists())
            .expect("clamd is installed (Debian's clamav-daemon; scripts/setup installs it)");
        let port = super::free_port();
        let folder =
            std::env::temp_dir().join(format!("motcua-clamd-{}-{port}", std::process::id()));
        std::fs::create_dir_all(&folder).unwrap();
        let hex: String = EICAR.iter().map(|byte| format!("{byte:02x}")).collect();
        std::fs::write(
            folder.join("eicar.ndb"),
            format!("Eicar-Test-Signature:0:*:{hex}\n"),
        )
        .unwrap();
        let socket = folder.join("clamd.sock");
        let config = folder.join("clamd.conf");
        std::fs::write(
            &config,
            format!(
                "Foreground yes\nDatabaseDirectory {}\nLocalSocket {}\nTCPSocket {port}\nTCPAddr 127.0.0.1\nLogFile {}\n",
                folder.display(),
                socket.display(),
                folder.join("clamd.log").display()
            ),
        )
        .unwrap();
        let child = Command::new(binary)
            .arg("-c")
            .arg(&config)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("clamd starts");
        let clamd = Clamd {
            child,
            folder,
            tcp: format!("127.0.0.1:{port}"),
            socket,
        };
        clamd.wait_until_ready();
        clamd
    }

    fn wait_until_ready(&self) {
        use std::io::{Read, Write};
        let deadline = Instant::now() + Duration::from_secs(60);
        while Instant::now() < deadline {
            if let Ok(mut stream) = std::net::TcpStream::connect(&self.tcp) {
                let mut reply = [0u8; 5];
                if stream.write_all(b"zPING\0").is_ok()
                    && stream.read_exact(&mut reply).is_ok()
                    && &reply == b"PONG\0"
                {
                    return;
                }
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        panic!(
            "clamd did not answer PING within 60 s (see {})",
            self.folder.display()
        );
    }
}

impl Drop for Clamd {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.folder);
    }
}
