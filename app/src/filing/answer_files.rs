//! The files answering a form's file questions: read from what the server
//! holds for the draft, and written into the answers as the files' names,
//! so that what the browser posts under a file question never counts.

use super::model::{AnswerFile, AttachedFile};
use super::store::megabytes;
use crate::eforms::{Answers, FormDefinition};
use crate::error::AppResult;
use sqlx::PgPool;

use super::file_field::NAME_SEPARATOR;

/// The files of `dossier_id`'s file questions, in the order they came.
pub async fn answer_files(pool: &PgPool, dossier_id: i64) -> AppResult<Vec<AnswerFile>> {
    let rows = sqlx::query!(
        "SELECT a.field_key, f.id, f.original_name, f.size_bytes FROM dossier_answer_files a
         JOIN stored_files f ON f.id = a.file_id WHERE a.dossier_id = $1
         ORDER BY a.attached_at, f.id",
        dossier_id
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| AnswerFile {
            field: row.field_key,
            file: AttachedFile {
                id: row.id,
                name: row.original_name,
                size: megabytes(row.size_bytes),
            },
        })
        .collect())
}

/// Each file question of `form` with its files in `files` (none: empty).
fn by_question<'f>(
    form: &'f FormDefinition,
    files: &'f [AnswerFile],
) -> impl Iterator<Item = (&'f crate::eforms::Field, Vec<AttachedFile>)> + 'f {
    form.file_fields().map(move |field| {
        let held = files
            .iter()
            .filter(|held| held.field == field.name)
            .map(|held| held.file.clone())
            .collect();
        (field, held)
    })
}

/// Sets every file question's answer of `form` to the names of its files
/// in `files`, or removes it when it has none.
pub fn write_file_answers(form: &FormDefinition, answers: &mut Answers, files: &[AnswerFile]) {
    for (field, held) in by_question(form, files) {
        if held.is_empty() {
            answers.remove(&field.name);
        } else {
            let names: Vec<&str> = held.iter().map(|file| file.name.as_str()).collect();
            answers.insert(field.name.clone(), names.join(NAME_SEPARATOR));
        }
    }
}

/// [`write_file_answers`] from what the server holds for `dossier_id`; no
/// query for a form without file questions.
pub async fn with_file_answers(
    pool: &PgPool,
    dossier_id: i64,
    form: &FormDefinition,
    answers: &mut Answers,
) -> AppResult<()> {
    if form.file_fields().next().is_none() {
        return Ok(());
    }
    let files = answer_files(pool, dossier_id).await?;
    write_file_answers(form, answers, &files);
    Ok(())
}

/// Each file question of `form` that holds files in `dossier_id`, by its
/// label, with the files: listed with the dossier's documents in the back
/// office, to open.
pub async fn files_by_question(
    pool: &PgPool,
    dossier_id: i64,
    form: &FormDefinition,
    lang: crate::i18n::Lang,
) -> AppResult<Vec<(String, Vec<AttachedFile>)>> {
    if form.file_fields().next().is_none() {
        return Ok(Vec::new());
    }
    let files = answer_files(pool, dossier_id).await?;
    Ok(by_question(form, &files)
        .filter(|(_, held)| !held.is_empty())
        .map(|(field, held)| (field.label.get(lang).to_string(), held))
        .collect())
}
