//! The administrative units an address is chosen from (34 provinces and
//! their communes since the 2025 reorganisation). The server fills a
//! [`PlaceBook`] from the database so the validator can tell a real commune
//! of the chosen province from a made-up code; the browser has no book and
//! checks only that each part was chosen.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A province or commune: its code and its full name ("Phường Hồng Gai").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    pub code: String,
    pub name: String,
}

/// Known provinces and communes (code → name), enough for the answers at hand.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlaceBook {
    pub provinces: BTreeMap<String, String>,
    /// Commune code → (province code, name).
    pub communes: BTreeMap<String, (String, String)>,
}

impl PlaceBook {
    pub fn province(&self, code: &str) -> Option<&str> {
        self.provinces.get(code).map(String::as_str)
    }

    /// The commune's name when it belongs to `province`.
    pub fn commune_of(&self, province: &str, code: &str) -> Option<&str> {
        self.communes
            .get(code)
            .filter(|(of, _)| of == province)
            .map(|(_, name)| name.as_str())
    }
}

/// An address written out as on Vietnamese papers, smallest part first:
/// "Số 12 Lê Lợi, Phường Hồng Gai, Tỉnh Quảng Ninh".
pub fn written_address(street: &str, commune: &str, province: &str) -> String {
    [street, commune, province]
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}
