//! Virus scanning through clamd's INSTREAM command, over TCP or a unix
//! socket: `zINSTREAM\0`, then the file as chunks (4-byte big-endian length,
//! bytes), then a zero-length chunk; clamd answers `stream: OK` or
//! `stream: <signature> FOUND`. The protocol is a dozen lines, so it is
//! spoken here rather than through a crate.

use crate::config::ClamdAddress;
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};

/// What clamd said about a file.
#[derive(Debug, PartialEq, Eq)]
pub enum Verdict {
    Clean,
    Infected { signature: String },
}

/// clamd could not be asked, or answered something else.
#[derive(Debug, thiserror::Error)]
pub enum ScanError {
    #[error("clamd is unreachable: {0}")]
    Unreachable(#[from] std::io::Error),
    #[error("clamd took too long")]
    TimedOut,
    #[error("clamd answered {0:?}")]
    Unexpected(String),
}

/// Chunks sent to clamd: well under its default StreamMaxLength chunking.
const CHUNK: usize = 64 * 1024;
/// A scan of a 10 MB file takes well under this; longer means trouble.
const TIMEOUT: Duration = Duration::from_secs(30);

pub async fn scan(address: &ClamdAddress, content: &[u8]) -> Result<Verdict, ScanError> {
    let work = async {
        match address {
            ClamdAddress::Tcp(address) => {
                let stream = tokio::net::TcpStream::connect(address).await?;
                instream(stream, content).await
            }
            ClamdAddress::Unix(path) => {
                let stream = tokio::net::UnixStream::connect(path).await?;
                instream(stream, content).await
            }
        }
    };
    tokio::time::timeout(TIMEOUT, work)
        .await
        .map_err(|_| ScanError::TimedOut)?
}

async fn instream(
    mut stream: impl AsyncRead + AsyncWrite + Unpin,
    content: &[u8],
) -> Result<Verdict, ScanError> {
    stream.write_all(b"zINSTREAM\0").await?;
    for chunk in content.chunks(CHUNK) {
        stream
            .write_all(&(chunk.len() as u32).to_be_bytes())
            .await?;
        stream.write_all(chunk).await?;
    }
    stream.write_all(&0u32.to_be_bytes()).await?;
    stream.flush().await?;
    let mut reply = Vec::new();
    stream.read_to_end(&mut reply).await?;
    verdict(&String::from_utf8_lossy(&reply))
}

fn verdict(reply: &str) -> Result<Verdict, ScanError> {
    let reply = reply.trim_end_matches(['\0', '\n']).trim();
    let answer = reply
        .strip_prefix("stream:")
        .map(str::trim)
        .unwrap_or(reply);
    if answer == "OK" {
        return Ok(Verdict::Clean);
    }
    match answer.strip_suffix(" FOUND") {
        Some(signature) => Ok(Verdict::Infected {
            signature: signature.trim().to_string(),
        }),
        None => Err(ScanError::Unexpected(reply.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replies_are_read_as_clamd_writes_them() {
        assert_eq!(verdict("stream: OK\0").unwrap(), Verdict::Clean);
        assert_eq!(
            verdict("stream: Eicar-Test-Signature FOUND\0").unwrap(),
            Verdict::Infected {
                signature: "Eicar-Test-Signature".into()
            }
        );
        assert!(verdict("INSTREAM size limit exceeded. ERROR\0").is_err());
    }
}
