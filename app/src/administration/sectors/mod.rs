//! Sectors (lĩnh vực) as administrators keep them (`/quan-tri/linh-vuc`):
//! the categories the catalogue groups procedures by and Biểu 06 reports
//! per. A sector's code is fixed once created (catalogue files and the
//! national database name sectors by it); its names can change. A sector
//! no procedure uses can be removed. Every change is audited.

pub mod server_fns;

use crate::i18n::SectorAdminTexts;
use serde::{Deserialize, Serialize};

/// One sector in the list, with how many procedures it holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectorRow {
    pub code: String,
    pub name: String,
    pub name_en: String,
    pub procedures: i64,
}

/// `/quan-tri/linh-vuc`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectorsAdmin {
    pub rows: Vec<SectorRow>,
    pub may_edit: bool,
}

/// What an administrator types for a sector.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectorFields {
    pub code: String,
    pub name: String,
    pub name_en: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SectorRefusal {
    Missing,
    TooLong,
    Code,
    Taken,
}

impl SectorRefusal {
    pub fn message(self, t: &SectorAdminTexts) -> &'static str {
        match self {
            SectorRefusal::Missing => t.missing,
            SectorRefusal::TooLong => t.too_long,
            SectorRefusal::Code => t.code_invalid,
            SectorRefusal::Taken => t.code_taken,
        }
    }
}

const NAME_LIMIT: usize = 200;
const CODE_LIMIT: usize = 40;

/// A sector code as the catalogue writes them: capital letters, digits
/// and underscores (`HO_TICH`, `DAT_DAI`).
pub fn is_sector_code(code: &str) -> bool {
    !code.is_empty()
        && code.chars().count() <= CODE_LIMIT
        && code
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
        && code.starts_with(|c: char| c.is_ascii_uppercase())
}

/// The refusals of `fields`, each with its field; `new` checks the code
/// too (an existing sector's code is fixed).
pub fn check_sector(fields: &SectorFields, new: bool) -> Vec<(&'static str, SectorRefusal)> {
    let mut refused = Vec::new();
    if new && !is_sector_code(&fields.code) {
        refused.push(("code", SectorRefusal::Code));
    }
    if fields.name.trim().is_empty() {
        refused.push(("name", SectorRefusal::Missing));
    }
    for (name, value) in [("name", &fields.name), ("name_en", &fields.name_en)] {
        if value.chars().count() > NAME_LIMIT {
            refused.push((name, SectorRefusal::TooLong));
        }
    }
    refused
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sector_code_is_capitals_digits_and_underscores() {
        for good in ["HO_TICH", "DAT_DAI", "LY_LICH_TU_PHAP", "Y_TE2"] {
            assert!(is_sector_code(good), "{good}");
        }
        for bad in [
            "",
            "ho_tich",
            "HỘ_TỊCH",
            "HO TICH",
            "_HO",
            "1HO",
            &"A".repeat(41),
        ] {
            assert!(!is_sector_code(bad), "{bad}");
        }
    }

    #[test]
    fn a_new_sector_needs_a_code_and_a_name_an_existing_one_only_a_name() {
        let blank = SectorFields::default();
        let refused: Vec<&str> = check_sector(&blank, true).iter().map(|(f, _)| *f).collect();
        assert_eq!(refused, ["code", "name"]);
        let refused: Vec<&str> = check_sector(&blank, false)
            .iter()
            .map(|(f, _)| *f)
            .collect();
        assert_eq!(refused, ["name"]);
        let good = SectorFields {
            code: "TAI_NGUYEN_NUOC".into(),
            name: "Tài nguyên nước".into(),
            name_en: "Water resources".into(),
        };
        assert!(check_sector(&good, true).is_empty());
    }
}
