//! A small SMTP server for demo mode and tests: it speaks enough of RFC 5321
//! (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT) to receive what lettre
//! sends, and keeps each message in `caught_mail`, where the demo mailbox
//! page and the tests read it. It never relays anything anywhere.

use sqlx::PgPool;
use std::net::SocketAddr;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

/// Messages larger than this are refused (552), as a real server would.
const MAX_MESSAGE_BYTES: usize = 10 * 1024 * 1024;

/// Listens on `address` (port 0 picks a free one) and returns where.
pub async fn spawn(pool: PgPool, address: &str) -> std::io::Result<SocketAddr> {
    let listener = TcpListener::bind(address).await?;
    let local = listener.local_addr()?;
    tokio::spawn(async move {
        loop {
            match listener.accept().await {
                Ok((stream, _)) => {
                    let pool = pool.clone();
                    tokio::spawn(async move {
                        if let Err(error) = serve(stream, pool).await {
                            tracing::debug!(%error, "SMTP catcher connection ended");
                        }
                    });
                }
                Err(error) => tracing::warn!(%error, "SMTP catcher could not accept"),
            }
        }
    });
    Ok(local)
}

async fn serve(stream: TcpStream, pool: PgPool) -> anyhow::Result<()> {
    let (reader, mut writer) = stream.into_split();
    let mut reader = BufReader::new(reader);
    writer.write_all(b"220 motcua-catcher ESMTP\r\n").await?;
    let mut from = String::new();
    let mut to: Vec<String> = Vec::new();
    let mut line = String::new();
    loop {
        line.clear();
        if reader.read_line(&mut line).await? == 0 {
            return Ok(());
        }
        let command = line.trim_end().to_string();
        let verb = command
            .split([' ', ':'])
            .next()
            .unwrap_or("")
            .to_ascii_uppercase();
        let reply: &[u8] = match verb.as_str() {
            "EHLO" => b"250-motcua-catcher\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n",
            "HELO" | "NOOP" => b"250 OK\r\n",
            "MAIL" => {
                from = address_in(&command);
                to.clear();
                b"250 OK\r\n"
            }
            "RCPT" => {
                to.push(address_in(&command));
                b"250 OK\r\n"
            }
            "RSET" => {
                from.clear();
                to.clear();
                b"250 OK\r\n"
            }
            "DATA" if to.is_empty() => b"503 RCPT first\r\n",
            "DATA" => {
                writer
                    .write_all(b"354 End data with <CR><LF>.<CR><LF>\r\n")
                    .await?;
                match read_data(&mut reader).await? {
                    Some(message) => {
                        sqlx::query!(
                            "INSERT INTO caught_mail (envelope_from, envelope_to, raw_message) VALUES ($1, $2, $3)",
                            from,
                            &to,
                            message,
                        )
                        .execute(&pool)
                        .await?;
                        to.clear();
                        b"250 OK: queued\r\n"
                    }
                    None => b"552 Message too large\r\n",
                }
            }
            "QUIT" => {
                writer.write_all(b"221 Bye\r\n").await?;
                return Ok(());
            }
            _ => b"502 Command not implemented\r\n",
        };
        writer.write_all(reply).await?;
    }
}

/// The address between `<` and `>` in `MAIL FROM:<a@b> SIZE=1`.
fn address_in(command: &str) -> String {
    match (command.find('<'), command.find('>')) {
        (Some(start), Some(end)) if end > start => command[start + 1..end].to_string(),
        _ => String::new(),
    }
}

/// Reads the message up to the lone `.` line, undoing dot-stuffing.
async fn read_data(
    reader: &mut (impl AsyncBufReadExt + Unpin),
) -> std::io::Result<Option<Vec<u8>>> {
    let mut message = Vec::new();
    let mut line = Vec::new();
    let mut too_large = false;
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line).await? == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        if line == b".\r\n" || line == b".\n" {
            return Ok((!too_large).then_some(message));
        }
        let content = line.strip_prefix(b".").unwrap_or(&line);
        if message.len() + content.len() > MAX_MESSAGE_BYTES {
            too_large = true;
        } else {
            message.extend_from_slice(content);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_read_from_angle_brackets() {
        assert_eq!(
            address_in("MAIL FROM:<no-reply@motcua.example> BODY=8BITMIME"),
            "no-reply@motcua.example"
        );
        assert_eq!(address_in("RCPT TO:<an@example.vn>"), "an@example.vn");
        assert_eq!(address_in("RCPT TO:"), "");
    }

    #[tokio::test]
    async fn dot_stuffed_lines_are_restored() {
        let mut input: &[u8] = b"Subject: x\r\n\r\n..leading dot\r\n.\r\n";
        let message = read_data(&mut input).await.unwrap().unwrap();
        assert_eq!(message, b"Subject: x\r\n\r\n.leading dot\r\n");
    }
}
