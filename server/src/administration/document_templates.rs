//! Blank forms (mẫu đơn, tờ khai) of a procedure version's documents:
//! - the draft editor posts as `multipart/form-data` (a file input per
//!   document row), read here into its text fields and its files;
//! - each file chosen is checked (type by its bytes, size, viruses) and
//!   kept in `template_files`, then linked to its document when the draft
//!   is saved; a refused form comes back with the file already kept;
//! - `GET /mau-don/{id}` serves one: to everyone once a published version
//!   uses it (for good, its content never changes), before that only to
//!   the catalogue's administrators.

use super::procedures::catalogue_keeper;
use crate::access::extractors::SignedIn;
use crate::access::refusals;
use crate::errors::{HandlerError, HandlerResult};
use crate::files::virus_scan;
use crate::forms::{Asker, Posted};
use crate::state::AppState;
use app::administration::procedures::{DocumentLine, TemplateRef};
use app::forms::FormFeedback;
use app::i18n::Lang;
use axum::extract::{FromRequest, Multipart, Path, Request, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use sqlx::PgConnection;

/// The most a blank form may weigh (also a check in the database).
pub const MAX_TEMPLATE_BYTES: usize = 5 * 1024 * 1024;
/// The most the editor's whole post may weigh: its text and a few files.
pub const MAX_DRAFT_POST_BYTES: usize = 8 * MAX_TEMPLATE_BYTES;
/// The text fields of a post, together.
const MAX_TEXT_BYTES: usize = 256 * 1024;

/// What a blank form may be: (type found in its bytes, the file name
/// endings that agree with it).
const KINDS: [(&str, &[&str]); 4] = [
    ("application/pdf", &["pdf"]),
    ("application/msword", &["doc"]),
    (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        &["docx"],
    ),
    ("application/vnd.oasis.opendocument.text", &["odt"]),
];

/// A file part of the editor's post.
pub struct PostedFile {
    /// The input it came from: `document.{row}.template_file`.
    pub field: String,
    pub file_name: String,
    /// `None` when it passed [`MAX_TEMPLATE_BYTES`] (not read further).
    pub content: Option<Vec<u8>>,
}

/// The draft editor's post: its fields, and the files chosen, if any. A
/// plain `application/x-www-form-urlencoded` post (scripts, older pages)
/// has no files.
pub struct DraftPost {
    pub form: Posted,
    pub files: Vec<PostedFile>,
}

impl<S: Send + Sync> FromRequest<S> for DraftPost {
    type Rejection = Response;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let multipart = request
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .is_some_and(|value| value.starts_with("multipart/form-data"));
        if !multipart {
            let form = Posted::from_request(request, state).await?;
            return Ok(DraftPost {
                form,
                files: Vec::new(),
            });
        }
        let mut parts = Multipart::from_request(request, state)
            .await
            .map_err(IntoResponse::into_response)?;
        let too_large = || StatusCode::PAYLOAD_TOO_LARGE.into_response();
        let (mut pairs, mut files, mut text_bytes) = (Vec::new(), Vec::new(), 0);
        while let Some(mut field) = parts.next_field().await.map_err(|_| too_large())? {
            let name = field.name().unwrap_or("").to_string();
            match field.file_name().map(str::to_string) {
                // A file input left empty still sends a part, nameless.
                Some(file_name) if file_name.is_empty() => {}
                Some(file_name) => {
                    let mut content = Some(Vec::new());
                    while let Some(chunk) = field.chunk().await.map_err(|_| too_large())? {
                        if let Some(read) = content.as_mut() {
                            read.extend_from_slice(&chunk);
                            if read.len() > MAX_TEMPLATE_BYTES {
                                content = None;
                            }
                        }
                    }
                    files.push(PostedFile {
                        field: name,
                        file_name,
                        content,
                    });
                }
                None => {
                    let value = field.text().await.map_err(|_| too_large())?;
                    text_bytes += name.len() + value.len();
                    if text_bytes > MAX_TEXT_BYTES {
                        return Err(too_large());
                    }
                    pairs.push((name, value));
                }
            }
        }
        Ok(DraftPost {
            form: Posted::from_pairs(pairs),
            files,
        })
    }
}

/// The blank form a document row keeps (`document.{row}.template`, unless
/// `…template_remove` is ticked), kept in `kept` for a refused form.
pub fn posted_template(form: &Posted, kept: &mut FormFeedback, row: usize) -> Option<TemplateRef> {
    let key = |part: &str| format!("document.{row}.{part}");
    if !form.get(&key("template_remove")).is_empty() {
        return None;
    }
    let id: i64 = form.get(&key("template")).trim().parse().ok()?;
    let file_name = form.text(&key("template_name"));
    kept.keep(&key("template"), &id.to_string());
    kept.keep(&key("template_name"), &file_name);
    Some(TemplateRef { id, file_name })
}

/// Why a blank form was not taken, for the administrator.
enum Refused {
    TooLarge,
    Kind,
    Infected(String),
    NotScanned,
}

impl Refused {
    fn message(&self, lang: Lang, file_name: &str) -> String {
        let mb = MAX_TEMPLATE_BYTES / (1024 * 1024);
        match (self, lang) {
            (Refused::TooLarge, Lang::Vi) => format!("Tệp “{file_name}” quá lớn: mẫu tối đa {mb} MB."),
            (Refused::TooLarge, Lang::En) => format!("“{file_name}” is too large: a blank form may be at most {mb} MB."),
            (Refused::Kind, Lang::Vi) => format!("Tệp “{file_name}” không phải PDF, DOC, DOCX hoặc ODT (hoặc đuôi tệp không khớp nội dung)."),
            (Refused::Kind, Lang::En) => format!("“{file_name}” is not a PDF, DOC, DOCX or ODT file (or its name does not match its content)."),
            (Refused::Infected(signature), Lang::Vi) => format!("Tệp “{file_name}” chứa mã độc ({signature}) nên không được nhận."),
            (Refused::Infected(signature), Lang::En) => format!("“{file_name}” contains malware ({signature}) and was not accepted."),
            (Refused::NotScanned, Lang::Vi) => "Chưa kiểm tra được virus cho tệp nên chưa nhận. Vui lòng thử lại sau ít phút.".into(),
            (Refused::NotScanned, Lang::En) => "The file could not be checked for viruses, so it was not accepted. Please try again in a few minutes.".into(),
        }
    }
}

/// The type of a blank form, from its bytes, if it is one we take and its
/// name agrees.
pub fn template_kind(content: &[u8], file_name: &str) -> Option<&'static str> {
    let found = infer::get(content)?.mime_type();
    let ending = file_name.rsplit_once('.')?.1.to_ascii_lowercase();
    KINDS
        .iter()
        .find(|(mime, endings)| *mime == found && endings.contains(&ending.as_str()))
        .map(|(mime, _)| *mime)
}

/// Keeps a checked blank form; its id.
pub async fn insert(
    conn: &mut PgConnection,
    uploaded_by: Option<i64>,
    file_name: &str,
    content_type: &str,
    content: &[u8],
) -> sqlx::Result<i64> {
    sqlx::query_scalar!(
        "INSERT INTO template_files (file_name, content_type, content, uploaded_by)
         VALUES ($1, $2, $3, $4) RETURNING id",
        file_name,
        content_type,
        content,
        uploaded_by,
    )
    .fetch_one(conn)
    .await
}

/// Checks and keeps each file chosen in the editor, and links it to its
/// document row (`rows[i]` is the posted row of `documents[i]`). A file
/// whose row was dropped (no name) is ignored. Refusals come back by field.
pub async fn take_uploads(
    state: &AppState,
    admin: i64,
    lang: Lang,
    files: Vec<PostedFile>,
    documents: &mut [DocumentLine],
    rows: &[usize],
    kept: &mut FormFeedback,
) -> sqlx::Result<Vec<(String, String)>> {
    let mut refusals = Vec::new();
    for file in files {
        let Some(row) = file
            .field
            .strip_prefix("document.")
            .and_then(|rest| rest.strip_suffix(".template_file"))
            .and_then(|row| row.parse::<usize>().ok())
        else {
            continue;
        };
        let Some(document) = rows
            .iter()
            .position(|posted| *posted == row)
            .and_then(|index| documents.get_mut(index))
        else {
            continue;
        };
        let file_name = app::text::normalize(
            file.file_name
                .rsplit(['/', '\\'])
                .next()
                .unwrap_or_default()
                .trim(),
        );
        let outcome = match file.content {
            None => Err(Refused::TooLarge),
            Some(content) => check(state, &content, &file_name)
                .await
                .map(|content_type| (content_type, content)),
        };
        match outcome {
            Ok((content_type, content)) => {
                let mut conn = state.pool.acquire().await?;
                let id = insert(&mut conn, Some(admin), &file_name, content_type, &content).await?;
                kept.keep(&format!("document.{row}.template"), &id.to_string());
                kept.keep(&format!("document.{row}.template_name"), &file_name);
                document.template = Some(TemplateRef { id, file_name });
            }
            Err(refused) => refusals.push((file.field, refused.message(lang, &file_name))),
        }
    }
    Ok(refusals)
}

/// Type, then viruses (with clamd configured, nothing goes in unscanned).
async fn check(state: &AppState, content: &[u8], file_name: &str) -> Result<&'static str, Refused> {
    let kind = template_kind(content, file_name).ok_or(Refused::Kind)?;
    if let Some(clamd) = &state.config.clamd {
        match virus_scan::scan(clamd, content).await {
            Ok(virus_scan::Verdict::Clean) => {}
            Ok(virus_scan::Verdict::Infected { signature }) => {
                return Err(Refused::Infected(signature))
            }
            Err(error) => {
                tracing::error!(%error, "a blank form could not be scanned");
                return Err(Refused::NotScanned);
            }
        }
    }
    Ok(kind)
}

/// Blank forms named in `documents` that do not exist (a stale or forged
/// form), by field.
pub async fn unknown_templates(
    conn: &mut PgConnection,
    documents: &[DocumentLine],
    rows: &[usize],
) -> sqlx::Result<Vec<String>> {
    let named: Vec<i64> = documents
        .iter()
        .filter_map(|document| document.template.as_ref().map(|template| template.id))
        .collect();
    let known = sqlx::query_scalar!("SELECT id FROM template_files WHERE id = ANY($1)", &named)
        .fetch_all(&mut *conn)
        .await?;
    Ok(documents
        .iter()
        .zip(rows)
        .filter(|(document, _)| {
            document
                .template
                .as_ref()
                .is_some_and(|template| !known.contains(&template.id))
        })
        .map(|(_, row)| format!("document.{row}.template_file"))
        .collect())
}

/// `GET /mau-don/{id}`.
pub async fn download(
    State(state): State<AppState>,
    asker: Asker,
    user: Option<SignedIn>,
    Path(id): Path<String>,
) -> HandlerResult {
    let id: i64 = id.parse().map_err(|_| HandlerError::not_found())?;
    let template = sqlx::query!(
        r#"SELECT t.file_name, t.content_type, t.content,
                  EXISTS (SELECT 1 FROM procedure_documents d JOIN procedure_versions v ON v.id = d.version_id
                          WHERE d.template_file_id = t.id AND v.published_at IS NOT NULL) AS "published!"
           FROM template_files t WHERE t.id = $1"#,
        id
    )
    .fetch_optional(&state.pool)
    .await?
    .ok_or_else(HandlerError::not_found)?;
    if !template.published {
        // A draft's blank form is for its editors until it is published.
        let allowed = match &user {
            Some(user) => catalogue_keeper(&state, user, &asker).await.is_ok(),
            None => false,
        };
        if !allowed {
            return Ok(refusals::as_missing(format!("template {id}")));
        }
    }
    let caching = if template.published {
        "public, max-age=31536000, immutable"
    } else {
        "private, no-store"
    };
    Ok((
        [
            (header::CONTENT_TYPE, template.content_type),
            (
                header::CONTENT_DISPOSITION,
                crate::files::download::disposition("attachment", &template.file_name),
            ),
            (header::CACHE_CONTROL, caching.to_string()),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff".to_string()),
            (
                header::CONTENT_SECURITY_POLICY,
                "sandbox; default-src 'none'".to_string(),
            ),
        ],
        template.content,
    )
        .into_response())
}

/// Removes blank forms that no version of any procedure uses and that were
/// uploaded more than a day ago (a refused or abandoned draft's); how many.
/// A day leaves time to correct a refused form that still holds one.
pub async fn sweep_unused(pool: &sqlx::PgPool) -> sqlx::Result<u64> {
    Ok(sqlx::query!(
        "DELETE FROM template_files t
         WHERE t.uploaded_at < now() - interval '1 day'
           AND NOT EXISTS (SELECT 1 FROM procedure_documents d WHERE d.template_file_id = t.id)"
    )
    .execute(pool)
    .await?
    .rows_affected())
}
