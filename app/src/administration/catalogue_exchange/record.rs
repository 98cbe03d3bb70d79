//! One procedure of a catalogue file, and its checks.

use crate::administration::procedures::{
    check_new_procedure, FieldRefusal, NewProcedure, VersionFields,
};
use crate::i18n::ProcedureAdminTexts;
use serde::{Deserialize, Serialize};

/// The `format` of a catalogue file this portal writes and reads.
pub const FORMAT: &str = "motcua-catalogue/1";

/// A whole catalogue file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogueFile {
    pub format: String,
    pub procedures: Vec<ProcedureRecord>,
}

/// One procedure: its code, and the content of its version (who
/// implements it included).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProcedureRecord {
    pub code: String,
    #[serde(flatten)]
    pub version: VersionFields,
}

/// What is wrong with one row (procedure) of a file, for the import page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowError {
    /// 1-based, as a spreadsheet numbers its data rows.
    pub row: usize,
    pub code: String,
    pub field: String,
    pub message: String,
}

/// The refusals of one record that need no database: those of a new
/// procedure and those of a draft's fields. `form_fields` are the answers a
/// fee may be billed per unit of.
pub fn check_record(
    row: usize,
    record: &ProcedureRecord,
    form_fields: &[String],
    t: &ProcedureAdminTexts,
) -> Vec<RowError> {
    let new = NewProcedure {
        code: record.code.clone(),
        name: record.version.name.clone(),
        sector: record.version.sector.clone(),
        level: record.version.level.clone(),
        agency: record.version.agency.clone(),
        time_unit: record.version.time_unit.clone(),
        time_value: record.version.time_value,
        online_level: record.version.online_level.clone(),
        result_type: record.version.result_type.clone(),
    };
    let mut refusals: Vec<(String, FieldRefusal)> = check_new_procedure(&new);
    for refusal in crate::administration::procedures::check_fields(&record.version, form_fields) {
        if !refusals.contains(&refusal) {
            refusals.push(refusal);
        }
    }
    if !record.version.workflow.is_empty() {
        if let Err(refusal) = crate::administration::procedures::check_content(&record.version) {
            return refusals
                .into_iter()
                .map(|(field, refusal)| error(row, record, &field, refusal.message(t)))
                .chain([error(row, record, "workflow", &refusal.message(t))])
                .collect();
        }
    }
    refusals
        .into_iter()
        .map(|(field, refusal)| error(row, record, &field, refusal.message(t)))
        .collect()
}

fn error(row: usize, record: &ProcedureRecord, field: &str, message: &str) -> RowError {
    RowError {
        row,
        code: record.code.clone(),
        field: field.to_string(),
        message: message.to_string(),
    }
}
