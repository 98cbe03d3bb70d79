//! A new procedure, as an administrator adds it when a decision announces
//! one: its national code, name, sector, the level that implements it and
//! the first facts of its version 1. Version 1 starts as a draft, edited
//! and published like any other (four eyes); until then citizens do not
//! see the procedure.

use super::{check_fields, FieldRefusal, VersionFields};
use serde::{Deserialize, Serialize};

/// What the "new procedure" form takes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewProcedure {
    /// The national code (mã thủ tục), `1.234567`.
    pub code: String,
    pub name: String,
    /// The sector's code.
    pub sector: String,
    /// `province` or `commune`.
    pub level: String,
    /// For a provincial procedure, the code of the agency that implements
    /// it; communes implement theirs each.
    pub agency: String,
    pub time_unit: String,
    pub time_value: i32,
    pub online_level: String,
    pub result_type: String,
}

/// One choice of a select.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

/// The sectors and provincial agencies the form offers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewProcedureOptions {
    pub sectors: Vec<Choice>,
    pub agencies: Vec<Choice>,
    /// The live e-forms a version may be filed with (besides the standard
    /// one).
    #[serde(default)]
    pub forms: Vec<Choice>,
}

/// A national procedure code: one digit, a dot, six digits.
pub fn is_procedure_code(code: &str) -> bool {
    let bytes = code.as_bytes();
    bytes.len() == 8
        && bytes[0].is_ascii_digit()
        && bytes[1] == b'.'
        && bytes[2..].iter().all(u8::is_ascii_digit)
}

/// The refusals of the form that need no database (the sector, the agency
/// and whether the code is taken are checked against it).
pub fn check_new_procedure(new: &NewProcedure) -> Vec<(String, FieldRefusal)> {
    let mut refused = Vec::new();
    if !is_procedure_code(&new.code) {
        refused.push(("code".to_string(), FieldRefusal::ProcedureCode));
    }
    // The version's own rules, on what version 1 starts with.
    let version = VersionFields {
        name: new.name.clone(),
        sector: new.sector.clone(),
        level: new.level.clone(),
        agency: new.agency.clone(),
        time_unit: new.time_unit.clone(),
        time_value: new.time_value,
        online_level: new.online_level.clone(),
        result_type: new.result_type.clone(),
        payment_due: "submission".into(),
        ..VersionFields::default()
    };
    refused.extend(check_fields(&version, &[]));
    if new.level == "province" && new.agency.is_empty() {
        refused.push(("agency".to_string(), FieldRefusal::Missing));
    }
    refused
}
