//! The catalogue as a file: procedures with their version in force, its
//! documents, fees, exemptions and workflow, in JSON (everything) or xlsx
//! (one sheet each for procedures, documents and fees, as the national
//! database's spreadsheet lays them out). A province loads its catalogue in
//! one go; every imported procedure becomes a draft, reviewed and published
//! by a second administrator like any other change. The format is
//! described in `docs/catalogue-import.md`, with a sample beside it.

mod record;
pub mod server_fns;
#[cfg(test)]
mod tests;

pub use record::{check_record, CatalogueFile, ProcedureRecord, RowError, FORMAT};

use serde::{Deserialize, Serialize};

/// `/quan-tri/nhap-thu-tuc/{id}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogueImportView {
    pub id: i64,
    pub file_name: String,
    /// `refused`, `draft`, `published` or `discarded`.
    pub status: String,
    pub author: String,
    pub procedures: i32,
    pub errors: Vec<RowError>,
    /// Code and name of each procedure drafted (the first 500).
    pub drafts: Vec<(String, String)>,
    pub may_publish: bool,
    pub may_discard: bool,
    /// Whether the viewer made it (and so may not publish it).
    pub own: bool,
}
