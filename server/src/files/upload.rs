//! `POST /nop-ho-so/{code}/giay-to` (multipart: `document`, then `file`):
//! attaches a scan to one required document of the citizen's draft; and
//! `POST /ho-so/{code}/bo-sung/giay-to` the same for a submitted dossier
//! the one-stop shop asked them to complete. Works as a plain form post
//! without JavaScript, answering with a redirect.
//!
//! The body is read as it arrives: the per-file limit stops reading as soon
//! as it is passed, the type is decided by the first bytes, and the SHA-256
//! is computed on the way through.

use super::kinds;
use super::virus_scan;
use crate::access::extractors::SignedIn;
use crate::access::feedback;
use crate::access::refusals;
use crate::errors::{HandlerError, HandlerResult};
use crate::forms::{see_other, Asker};
use crate::state::AppState;
use app::access::policy::{self, DossierOwnership};
use app::forms::NoticeTone;
use app::i18n::Lang;
use app::paths;
use axum::extract::{Multipart, Path, State};
use object_store::path::Path as StorePath;
use object_store::{ObjectStore, PutPayload};
use sha2::{Digest, Sha256};
use tower_sessions::Session;

/// What went wrong with an upload, for the citizen.
pub(crate) enum Refused {
    NoFile,
    TooLarge {
        max: u64,
    },
    DossierFull {
        max: u64,
    },
    Kind(kinds::KindError, String),
    UnknownDocument,
    Infected {
        name: String,
        signature: String,
    },
    NotScanned,
    /// A file question already holds all the files it takes.
    QuestionFull {
        max: usize,
    },
    /// The file's kind is not one the question takes (name, the kinds).
    KindNotTaken {
        name: String,
        kinds: String,
    },
    /// The post names a file question the form does not have.
    UnknownQuestion,
    /// The dossier was submitted while the file was on its way.
    Closed,
}

impl Refused {
    pub(crate) fn message(&self, lang: Lang) -> String {
        let mb = |bytes: u64| bytes / (1024 * 1024);
        match (self, lang) {
            (Refused::NoFile, Lang::Vi) => "Chọn tệp cần tải lên.".into(),
            (Refused::NoFile, Lang::En) => "Choose a file to upload.".into(),
            (Refused::TooLarge { max }, Lang::Vi) => format!("Tệp quá lớn: mỗi tệp tối đa {} MB. Hãy quét với độ phân giải thấp hơn hoặc nén tệp.", mb(*max)),
            (Refused::TooLarge { max }, Lang::En) => format!("The file is too large: at most {} MB per file. Scan at a lower resolution or compress it.", mb(*max)),
            (Refused::DossierFull { max }, Lang::Vi) => format!("Tổng dung lượng giấy tờ của hồ sơ tối đa {} MB.", mb(*max)),
            (Refused::DossierFull { max }, Lang::En) => format!("A dossier's documents may total at most {} MB.", mb(*max)),
            (Refused::Kind(error, name), lang) => error.message(lang, name),
            (Refused::UnknownDocument, Lang::Vi) => "Giấy tờ này không thuộc thành phần hồ sơ của thủ tục.".into(),
            (Refused::UnknownDocument, Lang::En) => "This document is not part of the procedure's dossier.".into(),
            (Refused::Infected { name, signature }, Lang::Vi) => format!("Tệp “{name}” chứa mã độc ({signature}) nên không được nhận. Hãy quét virus trên máy của bạn và tải lên bản sạch."),
            (Refused::Infected { name, signature }, Lang::En) => format!("“{name}” contains malware ({signature}) and was not accepted. Scan your device and upload a clean copy."),
            (Refused::NotScanned, Lang::Vi) => "Chưa kiểm tra được virus cho tệp nên chưa nhận tệp. Vui lòng thử lại sau ít phút.".into(),
            (Refused::NotScanned, Lang::En) => "The file could not be checked for viruses, so it was not accepted. Please try again in a few minutes.".into(),
            (Refused::QuestionFull { max: 1 }, Lang::Vi) => "Câu hỏi này chỉ nhận một tệp. Xóa tệp đã tải lên nếu muốn thay.".into(),
            (Refused::QuestionFull { max: 1 }, Lang::En) => "This question takes one file. Remove the one uploaded to replace it.".into(),
            (Refused::QuestionFull { max }, Lang::Vi) => format!("Câu hỏi này nhận tối đa {max} tệp. Xóa bớt tệp đã tải lên nếu muốn thay."),
            (Refused::QuestionFull { max }, Lang::En) => format!("This question takes at most {max} files. Remove one to replace it."),
            (Refused::KindNotTaken { name, kinds }, Lang::Vi) => format!("Tệp “{name}” không được nhận: câu hỏi này chỉ nhận tệp {kinds}."),
            (Refused::KindNotTaken { name, kinds }, Lang::En) => format!("“{name}” was not accepted: this question takes only {kinds} files."),
            (Refused::UnknownQuestion, Lang::Vi) => "Tờ khai không có câu hỏi tệp này.".into(),
            (Refused::UnknownQuestion, Lang::En) => "The form has no such file question.".into(),
            (Refused::Closed, Lang::Vi) => "Hồ sơ đã được nộp nên không nhận thêm tệp.".into(),
            (Refused::Closed, Lang::En) => "The dossier has been submitted, so it takes no more files.".into(),
        }
    }
}

pub use super::draft_upload::upload;

/// `POST /ho-so/{code}/bo-sung/giay-to`: the applicant adds a document to a
/// dossier the one-stop shop asked them to complete.
#[tracing::instrument(skip_all, fields(dossier = %code, user_id = user.id, action = "upload_supplement"))]
pub async fn upload_supplement(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    SignedIn(user): SignedIn,
    Path(code): Path<String>,
    multipart: Multipart,
) -> HandlerResult {
    let dossier = sqlx::query!(
        "SELECT id, procedure_version_id, applicant_id, agency_id, handling_agency_id, assignee_id FROM dossiers
         WHERE code = $1 AND status = 'awaiting_supplement'",
        code,
    )
    .fetch_optional(&state.pool)
    .await?
    // Missing, or not waiting for a supplement.
    .ok_or_else(HandlerError::not_found)?;
    let ownership = DossierOwnership {
        applicant_id: dossier.applicant_id,
        agency_id: dossier.agency_id,
        handling_agency_id: dossier.handling_agency_id,
        assignee_id: dossier.assignee_id,
    };
    if !policy::may_follow_as_applicant(&user, &ownership) {
        return Ok(refusals::as_missing(format!("dossier {code}")));
    }
    let target = Target {
        owner: user.id,
        dossier: dossier.id,
        version: dossier.procedure_version_id,
        back: paths::dossier(&code),
    };
    receive_into(&state, &session, asker.lang, target, multipart).await
}

/// The dossier an upload is for, and the page to go back to.
struct Target {
    owner: i64,
    dossier: i64,
    version: i64,
    back: String,
}

/// Reads the multipart body (`document`, then `file`), stores the file and
/// attaches it; answers with a redirect and a notice either way.
async fn receive_into(
    state: &AppState,
    session: &Session,
    lang: Lang,
    target: Target,
    mut multipart: Multipart,
) -> HandlerResult {
    let back = target.back.clone();
    let mut document_id: Option<i64> = None;
    let outcome = loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break Err(Refused::NoFile),
            Err(error) => {
                tracing::info!(%error, "upload body could not be read");
                break Err(Refused::NoFile);
            }
        };
        match field.name() {
            Some("document") => {
                document_id = field
                    .text()
                    .await
                    .ok()
                    .and_then(|text| text.trim().parse().ok())
            }
            Some("file") => {
                let name = field.file_name().unwrap_or("").to_string();
                if name.is_empty() {
                    break Err(Refused::NoFile);
                }
                let declared = field.content_type().map(str::to_string);
                break receive(state, target.dossier, field, name, declared).await;
            }
            _ => {}
        }
    };

    let stored = match outcome {
        Ok(stored) => stored,
        Err(refused) => {
            feedback::notice(session, NoticeTone::Error, refused.message(lang)).await;
            return Ok(see_other(&back));
        }
    };
    let Some(document_id) = document_id else {
        feedback::notice(
            session,
            NoticeTone::Error,
            Refused::UnknownDocument.message(lang),
        )
        .await;
        return Ok(see_other(&back));
    };
    let slot = Slot::Document {
        version: target.version,
        document: document_id,
    };
    let kept = attach(state, target.owner, target.dossier, slot, &stored).await?;
    match kept {
        Ok(()) => {
            let text = uploaded_message(lang, &stored.name);
            feedback::notice(session, NoticeTone::Success, text).await;
        }
        Err(refused) => {
            feedback::notice(session, NoticeTone::Error, refused.message(lang)).await;
        }
    }
    Ok(see_other(&back))
}

pub(super) struct Stored {
    pub key: String,
    pub name: String,
    pub kind: kinds::FileKind,
    pub size: u64,
    pub sha256: Vec<u8>,
}

/// Reads the file part within the limits and puts it in the store.
pub(super) async fn receive(
    state: &AppState,
    draft: i64,
    mut field: axum::extract::multipart::Field<'_>,
    name: String,
    declared: Option<String>,
) -> Result<Stored, Refused> {
    let content = read_part(&mut field, state.config.max_file_bytes).await?;
    store(state, draft, content, name, declared).await
}

/// The content of a file part, refused as soon as it passes `max_file`.
pub(crate) async fn read_part(
    field: &mut axum::extract::multipart::Field<'_>,
    max_file: u64,
) -> Result<(Vec<u8>, Sha256), Refused> {
    let mut content = Vec::new();
    let mut hasher = Sha256::new();
    loop {
        let chunk = match field.chunk().await {
            Ok(Some(chunk)) => chunk,
            Ok(None) => break,
            Err(_) => return Err(Refused::NoFile),
        };
        if (content.len() + chunk.len()) as u64 > max_file {
            return Err(Refused::TooLarge { max: max_file });
        }
        hasher.update(&chunk);
        content.extend_from_slice(&chunk);
    }
    Ok((content, hasher))
}

/// Checks a file read in full (room left in the dossier, type, viruses)
/// and puts it in the store.
pub(super) async fn store(
    state: &AppState,
    draft: i64,
    (content, hasher): (Vec<u8>, Sha256),
    name: String,
    declared: Option<String>,
) -> Result<Stored, Refused> {
    let max_dossier = state.config.max_dossier_bytes;
    let already = match state.pool.acquire().await {
        Ok(mut conn) => dossier_bytes(&mut conn, draft).await.unwrap_or(0),
        Err(_) => 0,
    };
    let room = max_dossier.saturating_sub(already);
    if content.len() as u64 > room {
        return Err(Refused::DossierFull { max: max_dossier });
    }
    if content.is_empty() {
        return Err(Refused::NoFile);
    }
    let kind = screen(state, &content, &name, declared.as_deref()).await?;

    let key = super::new_storage_key();
    let size = content.len() as u64;
    state
        .files
        .put(&StorePath::from(key.as_str()), PutPayload::from(content))
        .await
        .map_err(|error| {
            tracing::error!(%error, "could not store an upload");
            Refused::NoFile
        })?;
    Ok(Stored {
        key,
        name,
        kind,
        size,
        sha256: hasher.finalize().to_vec(),
    })
}

/// The kind of a file read in full, decided by its first bytes (and agreeing
/// with its name and declared type), after a virus scan: every upload of
/// the portal goes through here before anything is stored. With clamd
/// configured but unreachable, nothing goes in unscanned.
pub(crate) async fn screen(
    state: &AppState,
    content: &[u8],
    name: &str,
    declared: Option<&str>,
) -> Result<kinds::FileKind, Refused> {
    let head = &content[..content.len().min(8192)];
    let kind = kinds::check(head, name, declared)
        .map_err(|error| Refused::Kind(error, name.to_string()))?;
    scan(state, content, name).await?;
    Ok(kind)
}

/// Scans `content` for viruses when clamd is configured: refused when it
/// is infected, or when it could not be scanned (never kept unscanned).
pub(crate) async fn scan(state: &AppState, content: &[u8], name: &str) -> Result<(), Refused> {
    if let Some(clamd) = &state.config.clamd {
        match virus_scan::scan(clamd, content).await {
            Ok(virus_scan::Verdict::Clean) => {}
            Ok(virus_scan::Verdict::Infected { signature }) => {
                tracing::warn!(%signature, "an infected upload was refused");
                return Err(Refused::Infected {
                    name: name.to_string(),
                    signature,
                });
            }
            Err(error) => {
                tracing::error!(%error, "an upload could not be scanned");
                return Err(Refused::NotScanned);
            }
        }
    }
    Ok(())
}

/// Where an uploaded file goes in a dossier.
pub(super) enum Slot<'a> {
    /// One of the procedure version's required documents.
    Document { version: i64, document: i64 },
    /// A file question of the form, holding at most `max_files`.
    Answer { key: &'a str, max_files: usize },
}

/// Records the file and links it to its place in the dossier, or takes it
/// back out of the store and says why not: the document is not one of the
/// procedure version's, the question holds all the files it takes, or the
/// dossier has no room left. Room and count are checked again here with the
/// dossier's row locked, so parallel uploads cannot together pass
/// `MOTCUA_MAX_DOSSIER_MB` or a question's number of files (`store` checks
/// the room early only to spare scanning and storing what cannot fit).
pub(super) async fn attach(
    state: &AppState,
    owner: i64,
    draft: i64,
    slot: Slot<'_>,
    stored: &Stored,
) -> sqlx::Result<Result<(), Refused>> {
    let kept = record(state, owner, draft, slot, stored).await?;
    if kept.is_err() {
        discard(state, stored).await;
    }
    Ok(kept)
}

/// Takes a stored file that will not be attached back out of the store.
pub(super) async fn discard(state: &AppState, stored: &Stored) {
    let _ = state
        .files
        .delete(&StorePath::from(stored.key.as_str()))
        .await;
}

async fn record(
    state: &AppState,
    owner: i64,
    draft: i64,
    slot: Slot<'_>,
    stored: &Stored,
) -> sqlx::Result<Result<(), Refused>> {
    let mut tx = state.pool.begin().await?;
    if let Slot::Document { version, document } = slot {
        let belongs = sqlx::query_scalar!(
            r#"SELECT EXISTS (SELECT 1 FROM procedure_documents WHERE id = $1 AND version_id = $2) AS "belongs!""#,
            document,
            version
        )
        .fetch_one(&mut *tx)
        .await?;
        if !belongs {
            return Ok(Err(Refused::UnknownDocument));
        }
    }
    // A draft, or a dossier waiting for a supplement: one submitted since
    // the upload began takes no more files.
    let open = sqlx::query_scalar!(
        "SELECT id FROM dossiers WHERE id = $1 AND status IN ('draft', 'awaiting_supplement') FOR UPDATE",
        draft
    )
    .fetch_optional(&mut *tx)
    .await?;
    if open.is_none() {
        return Ok(Err(Refused::Closed));
    }
    if let Slot::Answer { key, max_files } = slot {
        let held = sqlx::query_scalar!(
            r#"SELECT count(*) AS "held!" FROM dossier_answer_files WHERE dossier_id = $1 AND field_key = $2"#,
            draft,
            key
        )
        .fetch_one(&mut *tx)
        .await?;
        if held.max(0) as usize >= max_files {
            return Ok(Err(Refused::QuestionFull { max: max_files }));
        }
    }
    let already = dossier_bytes(&mut tx, draft).await?;
    let max = state.config.max_dossier_bytes;
    if already + stored.size > max {
        return Ok(Err(Refused::DossierFull { max }));
    }
    let file_id = sqlx::query_scalar!(
        "INSERT INTO stored_files (owner_id, storage_key, original_name, content_type, size_bytes, sha256)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        owner,
        stored.key,
        app::text::normalize(&stored.name),
        stored.kind.mime(),
        stored.size as i64,
        stored.sha256,
    )
    .fetch_one(&mut *tx)
    .await?;
    match slot {
        Slot::Document { document, .. } => {
            sqlx::query!(
                "INSERT INTO dossier_attachments (dossier_id, document_id, file_id) VALUES ($1, $2, $3)",
                draft,
                document,
                file_id
            )
            .execute(&mut *tx)
            .await?;
        }
        Slot::Answer { key, .. } => {
            sqlx::query!(
                "INSERT INTO dossier_answer_files (dossier_id, field_key, file_id) VALUES ($1, $2, $3)",
                draft,
                key,
                file_id
            )
            .execute(&mut *tx)
            .await?;
        }
    }
    tx.commit().await?;
    Ok(Ok(()))
}

/// What a dossier's files (its documents' and its answers') weigh.
async fn dossier_bytes(conn: &mut sqlx::PgConnection, dossier: i64) -> sqlx::Result<u64> {
    let total = sqlx::query_scalar!(
        r#"SELECT coalesce(sum(f.size_bytes), 0)::bigint AS "total!" FROM (
               SELECT file_id FROM dossier_attachments WHERE dossier_id = $1
               UNION ALL SELECT file_id FROM dossier_answer_files WHERE dossier_id = $1
           ) held JOIN stored_files f ON f.id = held.file_id"#,
        dossier
    )
    .fetch_one(conn)
    .await?;
    Ok(total.max(0) as u64)
}

/// The notice after a file is kept.
pub(super) fn uploaded_message(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Vi => format!("Đã tải lên “{name}”."),
        Lang::En => format!("“{name}” is uploaded."),
    }
}
